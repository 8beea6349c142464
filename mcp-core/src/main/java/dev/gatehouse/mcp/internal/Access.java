package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.spi.Authenticator;
import io.modelcontextprotocol.spec.McpError;
import java.util.List;

/**
 * Scope decisions shared by the HTTP gate and the handlers (defence in depth): with no
 * {@link Authenticator}, everything is open.
 */
public final class Access {

  /** JSON-RPC code for a call the caller's scopes don't cover (server-defined range). */
  public static final int INSUFFICIENT_SCOPE = -32003;

  private static final Access OPEN = new Access(null);

  private final Authenticator authenticator;

  private Access(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  public static Access of(Authenticator authenticator) {
    return authenticator == null ? OPEN : new Access(authenticator);
  }

  public boolean enabled() {
    return authenticator != null;
  }

  /** The scopes of {@code required} that {@code caller} lacks; none when auth is off. */
  public List<String> missing(List<String> required, Caller caller) {
    if (authenticator == null || required.isEmpty()) {
      return List.of();
    }
    return authenticator.missingScopes(required, caller);
  }

  /** Refuses the call (JSON-RPC error) when the caller lacks a scope the gate should have caught. */
  void require(List<String> required, Caller caller, String what) {
    List<String> missing = missing(required, caller);
    if (!missing.isEmpty()) {
      throw McpError.builder(INSUFFICIENT_SCOPE)
          .message("insufficient scope for " + what + ": needs " + String.join(" ", required))
          .build();
    }
  }
}
