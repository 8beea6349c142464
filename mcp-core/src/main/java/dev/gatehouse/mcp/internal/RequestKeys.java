package dev.gatehouse.mcp.internal;

/** Keys of the values a transport puts into the SDK's per-request transport context. */
public final class RequestKeys {

  /** The {@link dev.gatehouse.mcp.Caller} of the request. */
  public static final String CALLER = "gatehouse.caller";

  /** The JSON-RPC id of the request, as sent. */
  public static final String REQUEST_ID = "gatehouse.requestId";

  private RequestKeys() {}
}
