package dev.gatehouse.mcp.authserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.gatehouse.mcp.authserver.User;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

  private final Scopes scopes = new Scopes(List.of("todo:read", "todo:write"));

  private static RegisteredClient client(Set<String> allowed) {
    return new RegisteredClient("c", "", "", List.of(), Set.of("authorization_code"), "none", "web", allowed, Instant.EPOCH, "{}");
  }

  @Test
  void offlineAccessIsOfferedByTheAuthorizationServerOnly() {
    assertEquals(List.of("todo:read", "todo:write", "offline_access"), scopes.supported());
  }

  @Test
  void noScopeMeansEveryResourceScopeOrTheClientsOwn() {
    assertEquals(List.of("todo:read", "todo:write"), scopes.requested(null, client(Set.of())).scopes());
    assertEquals(List.of("todo:read"), scopes.requested(" ", client(Set.of("todo:read"))).scopes());
  }

  @Test
  void unknownScopesAndScopesBeyondTheClientAreRefused() {
    assertNotNull(scopes.requested("todo:read admin", client(Set.of())).error());
    assertNotNull(scopes.requested("todo:write", client(Set.of("todo:read"))).error());
  }

  @Test
  void aUserGrantsOnlyTheScopesTheyMayHave() {
    User reader = new User("r", "R", Set.of("todo:read"));
    assertEquals(List.of("todo:read", "offline_access"),
        scopes.forUser(List.of("todo:read", "todo:write", "offline_access"), reader));
  }
}
