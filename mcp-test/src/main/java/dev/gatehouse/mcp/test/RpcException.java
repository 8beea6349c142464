package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.McpException;

/**
 * A JSON-RPC error the server answered with, e.g. -32602 for arguments that don't fit.
 *
 * <pre>{@code
 * RpcException e = assertThrows(RpcException.class, () -> client.callTool("list", Map.of("limit", "x")));
 * assertEquals(-32602, e.code());
 * }</pre>
 */
public final class RpcException extends McpException {

  private static final long serialVersionUID = 1L;

  private final int code;

  public RpcException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The JSON-RPC error code. */
  public int code() {
    return code;
  }
}
