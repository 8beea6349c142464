package dev.gatehouse.mcp.http.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 {"status":"UP"} while serving, 503 {"status":"DOWN"} once closing. */
final class HealthServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient BooleanSupplier up;

  HealthServlet(BooleanSupplier up) {
    this.up = up;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    boolean serving = up.getAsBoolean();
    byte[] body =
        (serving ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8);
    res.setStatus(serving ? 200 : 503);
    res.setContentType("application/json");
    res.setHeader("Cache-Control", "no-store");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}
