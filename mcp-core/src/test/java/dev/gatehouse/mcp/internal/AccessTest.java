package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.spi.Authenticator;
import io.modelcontextprotocol.spec.McpError;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scope check inside the handlers, behind the HTTP gate (defence in depth). */
class AccessTest {

  /** Grants exactly the caller's scopes, no implications. */
  private static final Authenticator EXACT =
      new Authenticator() {
        @Override
        public Caller authenticate(String bearerToken) {
          throw new UnsupportedOperationException();
        }

        @Override
        public List<String> missingScopes(Collection<String> required, Caller caller) {
          return required.stream().filter(s -> !caller.scopes().contains(s)).toList();
        }

        @Override
        public Optional<URI> resource() {
          return Optional.empty();
        }

        @Override
        public List<URI> authorizationServers() {
          return List.of();
        }
      };

  private static Caller with(String... scopes) {
    return new Caller("iss", "sub", "client", Set.of(scopes), Map.of(), Instant.MAX);
  }

  @Test
  void withoutAuthEverythingIsOpen() {
    Access open = Access.of(null);
    assertEquals(List.of(), open.missing(List.of("a"), Caller.anonymous()));
    open.require(List.of("a"), Caller.anonymous(), "tool 'x'");
  }

  @Test
  void aCallThatSlipsPastTheGateIsStillRefused() {
    Access access = Access.of(EXACT);
    McpError e = assertThrows(McpError.class, () -> access.require(List.of("a", "b"), with("a"), "tool 'x'"));
    assertEquals(Access.INSUFFICIENT_SCOPE, e.getJsonRpcError().code());
    assertTrue(e.getMessage().contains("needs a b"), e.getMessage());
    access.require(List.of("a", "b"), with("a", "b"), "tool 'x'");
  }
}
