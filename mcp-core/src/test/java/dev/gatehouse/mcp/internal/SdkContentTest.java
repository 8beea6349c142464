package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdkContentTest {

  @Test
  void structuredResultsWithoutContentGetTheirJsonAsText() {
    McpSchema.CallToolResult result = SdkContent.toolResult(ToolResult.structured(Map.of("x", 1)));
    assertEquals(List.of(new McpSchema.TextContent(null, "{\"x\":1}", null)), result.content());
    assertEquals(Map.of("x", 1), result.structuredContent());
  }

  @Test
  void everyContentKindConverts() {
    McpSchema.CallToolResult result =
        SdkContent.toolResult(
            ToolResult.error(
                List.of(
                    Content.text("t"),
                    Content.image(new byte[] {1}, "image/png"),
                    Content.audio(new byte[] {2}, "audio/wav"),
                    Content.embedded(ResourceContent.blob("a://b", "application/octet-stream", new byte[] {3})),
                    Content.link("a://c", "c", null, "text/plain"))));
    assertTrue(result.isError());
    assertEquals(5, result.content().size());
    assertEquals("AQ==", ((McpSchema.ImageContent) result.content().get(1)).data());
    assertEquals("audio/wav", ((McpSchema.AudioContent) result.content().get(2)).mimeType());
    McpSchema.EmbeddedResource embedded = (McpSchema.EmbeddedResource) result.content().get(3);
    assertEquals("Aw==", ((McpSchema.BlobResourceContents) embedded.resource()).blob());
    assertEquals("a://c", ((McpSchema.ResourceLink) result.content().get(4)).uri());
    assertNull(result.structuredContent());
  }

  @Test
  void statelessServersDoNotAdvertiseLoggingOrSubscriptions() {
    Catalog catalog = Fixtures.catalog(new ToolResultsTest.Tools());
    assertNull(SdkServers.capabilities(catalog, false).logging());
    assertTrue(SdkServers.capabilities(catalog, true).logging() != null);
  }
}
