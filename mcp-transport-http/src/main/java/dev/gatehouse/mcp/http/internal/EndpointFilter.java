package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.internal.Cancellations;
import dev.gatehouse.mcp.internal.ParsedMessage;
import dev.gatehouse.mcp.internal.RequestKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the MCP endpoint before the SDK sees a request: methods, protocol version, content
 * type, body size, JSON-RPC well-formedness; reads the body once (bounded) and hands it on;
 * notes cancellations; counts requests in flight for graceful shutdown; keeps SDK error bodies
 * clean.
 */
final class EndpointFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Request attribute holding the parsed JSON-RPC message (a {@link JsonNode}). */
  static final String MESSAGE = "gatehouse.message";

  private final List<String> protocolVersions;
  private final long maxBytes;
  private final boolean stateless;
  private final transient Cancellations cancellations;
  private final Set<String> toolNames;
  private final transient AuthGate gate;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closing;

  EndpointFilter(
      List<String> protocolVersions,
      long maxBytes,
      boolean stateless,
      Cancellations cancellations,
      Set<String> toolNames,
      AuthGate gate) {
    this.protocolVersions = List.copyOf(protocolVersions);
    this.maxBytes = maxBytes;
    this.stateless = stateless;
    this.cancellations = cancellations;
    this.toolNames = Set.copyOf(toolNames);
    this.gate = gate;
  }

  /** Refuses new requests from now on; requests already running go on. */
  void close() {
    closing = true;
  }

  int inFlight() {
    return inFlight.get();
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (refused(req, res)) {
      return;
    }
    if (!"POST".equals(req.getMethod())) {
      Caller caller = gate == null ? null : admit(req, res, null);
      if (gate == null || caller != null) {
        passOn(req, res, chain, null, caller);
      }
      return;
    }
    byte[] body = readBody(req, res);
    JsonNode message = body == null ? null : parse(body, res);
    if (message == null) {
      return;
    }
    Caller caller = gate == null ? null : admit(req, res, message);
    if (gate != null && caller == null) {
      return;
    }
    if (answered(req, res, message, caller)) {
      return;
    }
    if ("notifications/cancelled".equals(message.path("method").asString(null))) {
      String session = req.getHeader("Mcp-Session-Id");
      JsonNode cancelled = message.path("params").path("requestId");
      if (session != null && !cancelled.isMissingNode()) {
        cancellations.cancel(session, JsonRpc.idValue(cancelled));
      }
    }
    Object requestId = JsonRpc.id(message);
    req.setAttribute(MESSAGE, message);
    if (requestId != null) {
      req.setAttribute(RequestKeys.REQUEST_ID, requestId);
    }
    // the SDK reads the same body again; hand it the message parsed here instead
    ParsedMessage.offer(new String(body, StandardCharsets.UTF_8), message);
    try {
      passOn(new CachedBodyRequest(req, body), res, chain, requestId, caller);
    } finally {
      ParsedMessage.withdraw();
    }
  }

  /**
   * Answers requests refused before reading anything: method, shutdown, protocol version. Their
   * body stays unread, so the connection is closed, and says so: a client must not send its next
   * request on it.
   */
  private boolean refused(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String method = req.getMethod();
    boolean post = "POST".equals(method);
    String version = req.getHeader("MCP-Protocol-Version");
    if (!post && !"GET".equals(method) && !"DELETE".equals(method)) {
      res.setHeader("Allow", stateless ? "POST" : "GET, POST, DELETE");
      refuse(req, res, 405, JsonErrors.METHOD_NOT_FOUND, "method " + method + " is not allowed here");
    } else if (closing) {
      res.setHeader("Connection", "close");
      refuse(req, res, 503, JsonErrors.TRANSPORT_ERROR, "server is shutting down");
    } else if (version != null && !protocolVersions.contains(version)) {
      refuse(req, res, 400, JsonErrors.INVALID_REQUEST,
          "unsupported MCP-Protocol-Version '" + version + "'; supported: " + protocolVersions);
    } else if (!post && stateless) {
      res.setHeader("Allow", "POST");
      refuse(req, res, 405, JsonErrors.METHOD_NOT_FOUND, "this server is stateless: only POST is served");
    } else {
      return false;
    }
    return true;
  }

  /** Answers an error without reading the body; a connection with an unread body is closed. */
  private static void refuse(HttpServletRequest req, HttpServletResponse res, int status, int code, String message)
      throws IOException {
    if (req.getContentLengthLong() != 0) {
      res.setHeader("Connection", "close");
    }
    JsonErrors.send(res, status, null, code, message);
  }

  /** The body, read once and bounded; null after answering 413/415. */
  private byte[] readBody(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!isJson(req.getContentType())) {
      res.setHeader("Connection", "close"); // the body stays unread
      JsonErrors.send(res, 415, null, JsonErrors.INVALID_REQUEST, "Content-Type must be application/json");
      return null;
    }
    byte[] body = readBounded(req, maxBytes);
    if (body == null) {
      res.setHeader("Connection", "close"); // the rest of the body stays unread
      JsonErrors.send(res, 413, null, JsonErrors.INVALID_REQUEST, "request body exceeds " + maxBytes + " bytes");
    }
    return body;
  }

  /** The JSON-RPC message; null after answering a parse error or an invalid message. */
  private static JsonNode parse(byte[] body, HttpServletResponse res) throws IOException {
    JsonNode message;
    try {
      message = MAPPER.readTree(body);
    } catch (JacksonException e) {
      JsonErrors.send(res, 400, null, JsonErrors.PARSE_ERROR, "parse error: the body is not valid JSON");
      return null;
    }
    String invalid = JsonRpc.problem(message);
    if (invalid != null) {
      JsonErrors.send(res, 400, JsonRpc.id(message), JsonErrors.INVALID_REQUEST, invalid);
      return null;
    }
    return message;
  }

  /**
   * Answers what Gatehouse decides itself: a mismatched {@code Mcp-Name}, params of the wrong
   * shape, unknown tools, missing scopes, and the caller's view of filtered lists.
   */
  private boolean answered(HttpServletRequest req, HttpServletResponse res, JsonNode message, Caller caller)
      throws IOException {
    String rpcMethod = message.path("method").asString(null);
    Object requestId = JsonRpc.id(message);
    String nameHeader = req.getHeader("Mcp-Name");
    if (nameHeader != null && rpcMethod != null) {
      JsonNode params = message.path("params");
      String target = params.path("name").asString(params.path("uri").asString(null));
      if (target != null && !target.equals(nameHeader)) {
        JsonErrors.send(res, 400, requestId, JsonErrors.INVALID_REQUEST,
            "the Mcp-Name header does not match the request body");
        return true;
      }
    }
    if (rpcMethod == null || requestId == null) {
      return false;
    }
    String session = req.getHeader("Mcp-Session-Id");
    String paramsProblem = JsonRpc.paramsProblem(rpcMethod, message.path("params"));
    if (paramsProblem == null && (stateless || session != null) && "tools/call".equals(rpcMethod)) {
      String tool = message.path("params").path("name").asString();
      if (!toolNames.contains(tool)) {
        paramsProblem = "unknown tool '" + tool + "'";
      }
    }
    if (paramsProblem != null) {
      JsonErrors.send(res, 200, requestId, JsonErrors.INVALID_PARAMS, paramsProblem);
      return true;
    }
    if (gate == null) {
      return false;
    }
    if (!gate.authorize(message, caller, res)) {
      return true;
    }
    if (stateless || gate.owners.knows(session)) {
      var list = gate.filteredList(message, caller);
      if (list.isPresent()) {
        JsonErrors.sendJson(res, list.get());
        return true;
      }
    }
    return false;
  }

  /**
   * Authenticates and checks the session belongs to the caller; null after answering. A session
   * of another caller is answered like an unknown one.
   */
  private Caller admit(HttpServletRequest req, HttpServletResponse res, JsonNode message)
      throws IOException {
    Caller caller = gate.authenticate(req, res, message);
    if (caller == null) {
      return null;
    }
    String session = req.getHeader("Mcp-Session-Id");
    if (session != null && !gate.owners.allowed(session, caller)) {
      JsonErrors.send(res, 404, message == null ? null : JsonRpc.id(message),
          JsonErrors.SESSION_NOT_FOUND, "Session not found: " + session);
      return null;
    }
    req.setAttribute(RequestKeys.CALLER, caller);
    return caller;
  }

  private void passOn(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain, Object id, Caller caller)
      throws IOException, ServletException {
    inFlight.incrementAndGet();
    CleanErrorResponse clean = new CleanErrorResponse(res, id);
    try {
      chain.doFilter("GET".equals(req.getMethod()) ? new StreamStart(req, clean) : req, clean);
      clean.finish();
      if (gate != null && caller != null) {
        if (clean.sessionId() != null) {
          gate.owners.claim(clean.sessionId(), caller);
        } else if ("DELETE".equals(req.getMethod()) && clean.effectiveStatus() < 300) {
          gate.owners.forget(req.getHeader("Mcp-Session-Id"));
        }
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * A GET that opens a session's SSE stream. The SDK sets the stream's headers, starts async
   * processing and only then registers the stream, and it writes nothing until the first event
   * (a keep-alive ping 30 s later, by default); a client or proxy waiting for the headers would
   * wait that long. They are sent when the stream starts, on this thread, before any other thread
   * can write to the response.
   */
  private static final class StreamStart extends jakarta.servlet.http.HttpServletRequestWrapper {
    private final CleanErrorResponse response;

    StreamStart(HttpServletRequest request, CleanErrorResponse response) {
      super(request);
      this.response = response;
    }

    @Override
    public jakarta.servlet.AsyncContext startAsync() {
      jakarta.servlet.AsyncContext async = super.startAsync();
      if (response.effectiveStatus() < 300) {
        try {
          response.flushBuffer();
        } catch (IOException e) {
          // the client left; the SDK finds out at its first write
        }
      }
      return async;
    }
  }

  /**
   * The request's body, or null when it declares or sends more than {@code maxBytes}. A declared
   * length is read exactly (Jetty ends the stream there); a chunked body is read up to the limit.
   */
  static byte[] readBounded(HttpServletRequest req, long maxBytes) throws IOException {
    long declared = req.getContentLengthLong();
    if (declared > maxBytes) {
      return null;
    }
    return declared >= 0
        ? req.getInputStream().readNBytes((int) declared)
        : readBounded(req.getInputStream(), maxBytes);
  }

  /** The stream's bytes, or null once more than {@code maxBytes} arrive. */
  private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > maxBytes) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String media = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return media.trim().equalsIgnoreCase("application/json");
  }
}
