package dev.gatehouse.mcp;

/**
 * The root of Gatehouse's unchecked exceptions. Thrown as is by {@link McpServer.Builder#start()}
 * for a bad configuration, with every problem listed in the message.
 *
 * <pre>{@code
 * try { server = builder.start(); } catch (McpException e) { System.err.println(e.getMessage()); }
 * }</pre>
 */
public class McpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public McpException(String message) {
    super(message);
  }

  public McpException(String message, Throwable cause) {
    super(message, cause);
  }
}
