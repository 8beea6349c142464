package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.mcp.McpServer;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With two JSON modules on a classpath, the SDK's defaults depend on classpath order. Gatehouse
 * passes its mapper and validator explicitly, so a poisoned default changes nothing.
 */
class ExplicitJsonIT {

  @Test
  void theClasspathDefaultsAreReallyPoisonedHere() {
    IllegalStateException e = assertThrows(IllegalStateException.class, McpJsonDefaults::getMapper);
    assertEquals(PoisonedJsonDefaults.MESSAGE, e.getMessage());
    assertThrows(IllegalStateException.class, McpJsonDefaults::getSchemaValidator);
  }

  @Test
  void statefulAndStatelessServersNeverUseThem() {
    for (boolean stateless : new boolean[] {false, true}) {
      McpTest.run(
          McpServer.builder("json", "1").tools(new FeatureTools()).http(h -> h.stateless(stateless)),
          (server, client) ->
              assertEquals(
                  Map.of("guest", "Ada", "from", "2026-03-01", "nights", 2),
                  client.callTool("book", Map.of("guest", "Ada", "from", "2026-03-01", "nights", 2))
                      .structuredContent()
                      .orElseThrow()));
    }
  }
}
