package dev.gatehouse.mcp.spi;

import dev.gatehouse.mcp.McpException;

/**
 * A bearer token was missing, malformed, expired, or not meant for this server. The message is
 * for logs only: clients are told {@code invalid_token} and nothing more.
 *
 * <pre>{@code
 * if (!introspected.active()) throw new InvalidTokenException("token is not active");
 * }</pre>
 */
public class InvalidTokenException extends McpException {

  private static final long serialVersionUID = 1L;

  public InvalidTokenException(String reason) {
    super(reason);
  }

  public InvalidTokenException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
