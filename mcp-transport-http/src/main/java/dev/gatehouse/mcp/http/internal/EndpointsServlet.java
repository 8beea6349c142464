package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.spi.HttpEndpoints;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands requests for an authenticator's own routes (an embedded authorization server) to its
 * {@link HttpEndpoints} as plain {@link HttpExchange} values, body read once and bounded.
 */
final class EndpointsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.http");

  private final transient HttpEndpoints endpoints;
  private final long maxBytes;
  private final transient BooleanSupplier ready;

  EndpointsServlet(HttpEndpoints endpoints, long maxBytes, BooleanSupplier ready) {
    this.endpoints = endpoints;
    this.maxBytes = maxBytes;
    this.ready = ready;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!ready.getAsBoolean()) {
      write(res, HttpReply.json(503, "{\"error\":\"temporarily_unavailable\"}"));
      return;
    }
    byte[] body = EndpointFilter.readBounded(req, maxBytes);
    if (body == null) {
      write(res, tooLarge());
      return;
    }
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    HttpExchange exchange =
        new HttpExchange(
            req.getMethod(),
            req.getRequestURI(),
            headers(req),
            decode(req.getQueryString()),
            type.startsWith("application/x-www-form-urlencoded")
                ? decode(new String(body, StandardCharsets.UTF_8))
                : Map.of(),
            body,
            req.getRemoteAddr(),
            req.isSecure());
    HttpReply reply;
    try {
      reply = endpoints.handle(exchange);
    } catch (RuntimeException e) {
      String ref = Long.toHexString(System.nanoTime() & 0xffffffL);
      LOG.error("authorization endpoint {} failed (ref {})", req.getRequestURI(), ref, e);
      reply = HttpReply.json(500, "{\"error\":\"server_error\",\"error_description\":\"ref " + ref + "\"}");
    }
    write(res, reply);
  }

  private static HttpReply tooLarge() {
    // the rest of the body stays unread: the connection closes
    return HttpReply.json(413, "{\"error\":\"invalid_request\",\"error_description\":\"request body too large\"}")
        .with("Connection", "close");
  }

  private static Map<String, List<String>> headers(HttpServletRequest req) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), Collections.list(req.getHeaders(name)));
    }
    return headers;
  }

  /** Decodes {@code a=1&b=2}; malformed escapes make the whole string count as absent. */
  static Map<String, List<String>> decode(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    try {
      for (String pair : encoded.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
    return params;
  }

  private static void write(HttpServletResponse res, HttpReply reply) throws IOException {
    res.setStatus(reply.status());
    for (Map.Entry<String, String> header : reply.headers()) {
      // one value per header (the CORS filter may have set one already), except cookies
      if (header.getKey().equalsIgnoreCase("Set-Cookie")) {
        res.addHeader(header.getKey(), header.getValue());
      } else {
        res.setHeader(header.getKey(), header.getValue());
      }
    }
    res.setContentLength(reply.body().length);
    res.getOutputStream().write(reply.body());
  }
}
