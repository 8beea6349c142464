package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.McpException;
import java.util.Optional;

/**
 * The server refused a request at the HTTP level: 401 (no or invalid token) or 403 (a scope is
 * missing), with its {@code WWW-Authenticate} challenge.
 *
 * <pre>{@code
 * AuthorizationException e = assertThrows(AuthorizationException.class,
 *     () -> client.callTool("addTodo", Map.of("title", "x")));
 * assertEquals(403, e.status());
 * }</pre>
 */
public final class AuthorizationException extends McpException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String challenge;

  public AuthorizationException(int status, String challenge) {
    super("HTTP " + status + (challenge == null ? "" : ": " + challenge));
    this.status = status;
    this.challenge = challenge;
  }

  /** The HTTP status: 401 or 403. */
  public int status() {
    return status;
  }

  /** The {@code WWW-Authenticate} header, if the server sent one. */
  public Optional<String> challenge() {
    return Optional.ofNullable(challenge);
  }
}
