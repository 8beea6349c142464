package dev.gatehouse.mcp.auth;

import dev.gatehouse.mcp.McpException;

/**
 * A bearer token was missing, malformed, expired, or not meant for this server. The message is
 * for logs only: clients are told {@code invalid_token} and nothing more.
 *
 * <pre>{@code
 * try { caller = auth.verify(token); } catch (InvalidTokenException e) { log.info("denied: {}", e.getMessage()); }
 * }</pre>
 */
public final class InvalidTokenException extends McpException {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String reason) {
    super(reason);
  }

  public InvalidTokenException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
