package dev.gatehouse.bench.servers;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP stack's limit: Jetty 12 ee10 with one servlet at {@code /mcp} that answers every POST
 * with a fixed, precomputed echo {@code tools/call} result. No MCP, no JSON parsing.
 *
 * <pre>
 * java -cp bench.jar dev.gatehouse.bench.servers.PlainJettyServer PORT
 * </pre>
 */
public final class PlainJettyServer {

  private static final byte[] RESULT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"hello\"}],\"isError\":false}}"
          .getBytes(StandardCharsets.UTF_8);

  /** Reads and discards the body, then writes the fixed result. */
  static final class FixedServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      try (InputStream in = request.getInputStream()) {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) != -1) {
          // discard
        }
      }
      response.setStatus(200);
      response.setContentType("application/json");
      response.setHeader("Mcp-Session-Id", "plain");
      response.setContentLength(RESULT.length);
      response.getOutputStream().write(RESULT);
    }
  }

  private PlainJettyServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int port = Integer.parseInt(args[0]);

    BareJetty.serve(new FixedServlet(), port, () -> {});
  }
}
