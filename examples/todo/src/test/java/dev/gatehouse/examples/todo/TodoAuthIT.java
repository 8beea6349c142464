package dev.gatehouse.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.test.HttpProbe;
import dev.gatehouse.mcp.test.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The todo example switches to token verification with deploy-time settings only. */
class TodoAuthIT {

  @Test
  void gatehouseAuthIssuerTurnsOnTokenVerification() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String resource = "http://localhost:" + port + "/mcp";
    try (TestTokens tokens = TestTokens.start()) {
      System.setProperty("gatehouse.auth.issuer", tokens.issuer());
      System.setProperty("gatehouse.public.url", resource);
      try (McpServer server = TodoServer.start(port)) {
        HttpProbe probe = HttpProbe.of(server.url());
        assertEquals(401, probe.initialize().status());

        String reader = tokens.token(resource).subject("ada").scopes("todo:read").sign();
        HttpProbe.Response init = probe.bearer(reader).initialize();
        assertEquals(200, init.status(), init.body());
        HttpProbe session = probe.bearer(reader).session(init.header("Mcp-Session-Id").orElseThrow());
        assertEquals(200, session.rpc(1, "tools/call", "{\"name\":\"listTodos\"}").status());
        HttpProbe.Response denied = session.rpc(2, "tools/call", "{\"name\":\"addTodo\",\"arguments\":{\"title\":\"x\"}}");
        assertEquals(403, denied.status());
        assertTrue(denied.header("WWW-Authenticate").orElseThrow().contains("scope=\"todo:read todo:write\""));

        String writer = tokens.token(resource).subject("ada").scopes("todo:read", "todo:write").sign();
        HttpProbe.Response added =
            probe.bearer(writer).session(init.header("Mcp-Session-Id").orElseThrow())
                .rpc(3, "tools/call", "{\"name\":\"addTodo\",\"arguments\":{\"title\":\"x\"}}");
        assertEquals(200, added.status(), added.body());
        assertTrue(added.body().contains("\\\"owner\\\":\\\"ada\\\""), added.body());
      }
    } finally {
      System.clearProperty("gatehouse.auth.issuer");
      System.clearProperty("gatehouse.public.url");
    }
  }
}
