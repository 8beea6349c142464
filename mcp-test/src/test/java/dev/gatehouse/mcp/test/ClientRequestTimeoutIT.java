package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.ToolResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK gives up on server-to-client requests after 10 s; a person answering an elicitation
 * needs longer, so Gatehouse waits minutes by default and lets servers choose.
 */
class ClientRequestTimeoutIT {

  private static Elicitation slowly(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Elicitation(Elicitation.Action.ACCEPT, Map.of("name", "Ada"));
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void answersSlowerThanTheSdkDefaultStillArrive() {
    try (McpServer server = McpServer.builder("t", "1").tools(new FeatureTools()).http(h -> h.port(0)).start();
        TestClient client =
            TestClient.builder(server.url())
                .requestTimeout(Duration.ofSeconds(60))
                .onElicitation(r -> slowly(Duration.ofSeconds(11)))
                .connect()) {
      assertEquals("hello Ada", text(client.callTool("askName", Map.of())));
    }
  }

  @Test
  void aConfiguredTimeoutEndsTheWaitWithAToolError() {
    try (McpServer server =
            McpServer.builder("t", "1")
                .tools(new FeatureTools())
                .clientRequestTimeout(Duration.ofSeconds(1))
                .http(h -> h.port(0))
                .start();
        TestClient client =
            TestClient.builder(server.url())
                .onElicitation(r -> slowly(Duration.ofSeconds(3)))
                .connect()) {
      ToolResult result = client.callTool("askName", Map.of());
      assertTrue(result.isError());
      assertEquals("the client did not answer the elicitation request in time", text(result));
    }
  }

  @Test
  void statelessServersCannotElicit() {
    try (McpServer server =
            McpServer.builder("t", "1").tools(new FeatureTools()).http(h -> h.port(0).stateless(true)).start();
        TestClient client =
            TestClient.builder(server.url()).onElicitation(r -> slowly(Duration.ZERO)).connect()) {
      ToolResult result = client.callTool("askName", Map.of());
      assertTrue(result.isError());
      assertTrue(text(result).startsWith("elicitation needs a stateful session"), text(result));
    }
  }

  @Test
  void clientsWithoutTheCapabilityGetAToolError() {
    McpTest.run(
        McpServer.builder("t", "1").tools(new FeatureTools()),
        (server, client) -> {
          ToolResult result = client.callTool("askName", Map.of());
          assertTrue(result.isError());
          assertTrue(text(result).startsWith("the client does not support elicitation"), text(result));
        });
  }
}
