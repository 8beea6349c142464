package dev.gatehouse.mcp.http.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the SDK's error answers out of the wire: when it sets an error status or calls
 * {@code sendError}, its body (a serialized exception with a stack trace) is captured, and
 * {@link #finish()} writes a clean JSON-RPC error instead, keeping only the SDK's message.
 */
final class CleanErrorResponse extends HttpServletResponseWrapper {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Messages that name Java classes or packages are not shown to clients. */
  private static final java.util.regex.Pattern INTERNALS =
      java.util.regex.Pattern.compile(
          "(java|javax|jakarta|tools\\.jackson|io\\.modelcontextprotocol|reactor|org\\.eclipse)\\."
              + "|Exception|\\$[A-Z]|\\bat \\[Source");

  private final Object requestId;
  private int errorStatus;
  private String errorMessage;
  private ByteArrayOutputStream captured;
  private PrintWriter capturedWriter;
  private String sessionId;

  CleanErrorResponse(HttpServletResponse response, Object requestId) {
    super(response);
    this.requestId = requestId;
  }

  @Override
  public void setStatus(int sc) {
    if (sc >= 400) {
      errorStatus = sc;
    } else {
      super.setStatus(sc);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if ("Mcp-Session-Id".equalsIgnoreCase(name)) {
      sessionId = value;
    }
    super.setHeader(name, value);
  }

  /** The session id the SDK assigned in this response, if any. */
  String sessionId() {
    return sessionId;
  }

  /** The status the SDK answered with (error statuses included). */
  int effectiveStatus() {
    return errorStatus != 0 ? errorStatus : getStatus();
  }

  @Override
  public void sendError(int sc, String msg) {
    errorStatus = sc;
    errorMessage = msg;
  }

  @Override
  public void sendError(int sc) {
    errorStatus = sc;
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (errorStatus == 0) {
      return super.getOutputStream();
    }
    return new ServletOutputStream() {
      @Override
      public void write(int b) {
        capture().write(b);
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}
    };
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (errorStatus == 0) {
      return super.getWriter();
    }
    if (capturedWriter == null) {
      capturedWriter = new PrintWriter(new OutputStreamWriter(capture(), StandardCharsets.UTF_8));
    }
    return capturedWriter;
  }

  private ByteArrayOutputStream capture() {
    if (captured == null) {
      captured = new ByteArrayOutputStream();
    }
    return captured;
  }

  /** Writes the clean error, if the SDK answered with one. */
  void finish() throws IOException {
    if (errorStatus == 0) {
      return;
    }
    HttpServletResponse response = (HttpServletResponse) getResponse();
    // the code follows the HTTP status, not the SDK's choice (it sends -32601 for a missing session)
    int code = JsonErrors.codeFor(errorStatus);
    String message = errorMessage;
    if (capturedWriter != null) {
      capturedWriter.flush();
    }
    if (captured != null && captured.size() > 0) {
      try {
        JsonNode node = MAPPER.readTree(captured.toByteArray());
        JsonNode rpc = node.path("jsonRpcError");
        if (rpc.isObject()) {
          message = rpc.path("message").asString(message);
        }
      } catch (RuntimeException e) {
        // not JSON: fall back to the status text
      }
    }
    if (message == null || message.isBlank() || INTERNALS.matcher(message).find()) {
      message =
          errorStatus == 400
              ? "invalid message: it does not match the MCP schema"
              : JsonErrors.reason(errorStatus);
    }
    JsonErrors.send(response, errorStatus, requestId, code, message);
  }
}
