package dev.gatehouse.mcp.http.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every HTTP-level error as a small JSON-RPC error object: no stack traces, no class
 * names, no server versions.
 */
final class JsonErrors {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;
  /** Server-defined, as in the TypeScript SDK: the session is unknown or expired. */
  static final int SESSION_NOT_FOUND = -32001;
  /** Server-defined: the transport refused the request (headers, session, size). */
  static final int TRANSPORT_ERROR = -32000;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonErrors() {}

  static String body(Object id, int code, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("jsonrpc", "2.0");
    body.put("id", id);
    body.put("error", error);
    return MAPPER.writeValueAsString(body);
  }

  static void send(HttpServletResponse response, int status, Object id, int code, String message)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    byte[] bytes = body(id, code, message).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /** A 200 answer with a JSON body (a JSON-RPC response Gatehouse produced itself). */
  static void sendJson(HttpServletResponse response, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }

  /** The JSON-RPC code that best matches an HTTP status the transport answered with. */
  static int codeFor(int status) {
    return switch (status) {
      case 400, 406, 413, 415 -> INVALID_REQUEST;
      case 404 -> SESSION_NOT_FOUND;
      case 405 -> METHOD_NOT_FOUND;
      default -> status >= 500 ? INTERNAL_ERROR : TRANSPORT_ERROR;
    };
  }

  /** A short, safe description of an HTTP status. */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 406 -> "Not acceptable";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 421 -> "Misdirected request";
      case 503 -> "Service unavailable";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }
}
