package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.auth.ProtectedResourceMetadata;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Serves RFC 9728 protected-resource metadata: public, cacheable, readable from any origin. */
final class ResourceMetadataServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient Supplier<ProtectedResourceMetadata> metadata;

  ResourceMetadataServlet(Supplier<ProtectedResourceMetadata> metadata) {
    this.metadata = metadata;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    byte[] body = metadata.get().toJson().getBytes(StandardCharsets.UTF_8);
    res.setStatus(200);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "public, max-age=3600");
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
