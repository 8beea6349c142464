package dev.gatehouse.mcp;

/**
 * Thrown by a tool to report a failure the model should see: the call returns a result with
 * {@code isError: true} and this exception's message, exactly as written.
 *
 * <pre>{@code
 * if (title.isBlank()) throw new ToolException("title must not be blank");
 * }</pre>
 *
 * <p>Any other exception is masked: the client sees "tool 'x' failed (ref …)" and the stack trace
 * is logged under that reference.
 */
public class ToolException extends McpException {

  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
