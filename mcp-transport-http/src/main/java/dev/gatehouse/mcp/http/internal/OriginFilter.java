package dev.gatehouse.mcp.http.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * First filter of every request: refuses unknown {@code Host} values (421) and browser origins
 * not on the allow-list (403), answers CORS preflights and adds CORS headers for allowed origins.
 */
final class OriginFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String EXPOSED = "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate";
  static final String ALLOWED_HEADERS =
      "Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID,"
          + " Mcp-Name";

  private final transient OriginPolicy policy;
  private final String healthPath;
  private final java.util.Set<String> publicPaths;
  private final java.util.Set<String> pagePaths;

  /**
   * {@code publicPaths} (metadata, token and registration endpoints) may be called from any origin
   * without credentials; {@code pagePaths} (login and consent) only from the server's own origin.
   */
  OriginFilter(
      OriginPolicy policy,
      String healthPath,
      java.util.Set<String> publicPaths,
      java.util.Set<String> pagePaths) {
    this.policy = policy;
    this.healthPath = healthPath;
    this.publicPaths = java.util.Set.copyOf(publicPaths);
    this.pagePaths = java.util.Set.copyOf(pagePaths);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    // probes (load balancers, Kubernetes) call /health by IP: it reveals nothing worth rebinding for
    boolean health = healthPath.equals(req.getRequestURI()) && "GET".equals(req.getMethod());
    if (!health && !policy.hostAllowed(req.getHeader("Host"))) {
      JsonErrors.send(res, 421, null, JsonErrors.TRANSPORT_ERROR,
          "this server does not answer to that Host; add it with allowedHosts(...)");
      return;
    }
    String origin = req.getHeader("Origin");
    if (origin != null && publicPaths.contains(req.getRequestURI())) {
      res.setHeader("Access-Control-Allow-Origin", "*");
      if ("OPTIONS".equals(req.getMethod())) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, MCP-Protocol-Version");
        res.setHeader("Access-Control-Max-Age", "600");
        res.setStatus(204);
        return;
      }
    } else if (origin != null && pagePaths.contains(req.getRequestURI())) {
      // sign-in and consent forms post only from their own pages: no CORS, no foreign or opaque
      // origins (the scheme is not compared: behind a TLS proxy the request arrives over http)
      String host = req.getHeader("Host");
      String value = origin.trim();
      int scheme = value.indexOf("://");
      if (host == null || scheme < 0 || !value.substring(scheme + 3).equalsIgnoreCase(host)) {
        JsonErrors.send(res, 403, null, JsonErrors.TRANSPORT_ERROR, "origin not allowed");
        return;
      }
    } else if (origin != null) {
      if (!policy.originAllowed(origin)) {
        JsonErrors.send(res, 403, null, JsonErrors.TRANSPORT_ERROR, "origin not allowed");
        return;
      }
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.addHeader("Vary", "Origin");
      res.setHeader("Access-Control-Expose-Headers", EXPOSED);
      if ("OPTIONS".equals(req.getMethod())
          && req.getHeader("Access-Control-Request-Method") != null) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
        res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        res.setHeader("Access-Control-Max-Age", "600");
        res.setStatus(204);
        return;
      }
    }
    chain.doFilter(req, res);
  }
}
