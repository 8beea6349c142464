package dev.gatehouse.mcp.internal;

/** Arguments that don't fit the declared parameters; answered as JSON-RPC -32602. */
public final class ArgumentException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ArgumentException(String message) {
    super(message, null, false, false);
  }
}
