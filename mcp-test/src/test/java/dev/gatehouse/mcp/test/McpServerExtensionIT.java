package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class McpServerExtensionIT {

  @RegisterExtension
  static final McpServerExtension MCP =
      McpServerExtension.of(() -> McpServer.builder("ext", "1").tools(new FeatureTools()));

  @Test
  void injectsAConnectedClient(TestClient client) {
    assertTrue(client.toolNames().contains("book"));
    assertEquals(
        "Ada",
        ((Map<?, ?>) client.callTool("book", Map.of("guest", "Ada", "from", "2026-03-01")).structuredContent().orElseThrow())
            .get("guest"));
  }

  @Test
  void injectsTheServerOnAFreePort(McpServer server) {
    assertNotEquals(8080, server.port());
    assertEquals(server, MCP.server());
  }
}
