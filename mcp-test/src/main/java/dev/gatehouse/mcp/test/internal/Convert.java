package dev.gatehouse.mcp.test.internal;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.PromptMessage;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Role;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/** SDK schema types back to Gatehouse's public value types, for assertions in tests. */
public final class Convert {

  private Convert() {}

  public static ToolResult toolResult(McpSchema.CallToolResult result) {
    List<Content> content = result.content().stream().map(Convert::content).toList();
    ToolResult converted =
        Boolean.TRUE.equals(result.isError()) ? ToolResult.error(content) : ToolResult.of(content);
    return result.structuredContent() == null
        ? converted
        : converted.withStructuredContent(result.structuredContent());
  }

  public static Content content(McpSchema.Content content) {
    if (content instanceof McpSchema.TextContent t) {
      return Content.text(t.text());
    }
    if (content instanceof McpSchema.ImageContent i) {
      return new Content.Image(i.data(), i.mimeType());
    }
    if (content instanceof McpSchema.AudioContent a) {
      return new Content.Audio(a.data(), a.mimeType());
    }
    if (content instanceof McpSchema.EmbeddedResource e) {
      return Content.embedded(resource(e.resource()));
    }
    McpSchema.ResourceLink l = (McpSchema.ResourceLink) content;
    return Content.link(l.uri(), l.name(), l.description(), l.mimeType());
  }

  public static ResourceContent resource(McpSchema.ResourceContents contents) {
    if (contents instanceof McpSchema.TextResourceContents t) {
      return ResourceContent.text(t.uri(), t.mimeType(), t.text());
    }
    McpSchema.BlobResourceContents b = (McpSchema.BlobResourceContents) contents;
    return new ResourceContent.Blob(b.uri(), b.mimeType(), b.blob());
  }

  public static PromptResult prompt(McpSchema.GetPromptResult result) {
    return new PromptResult(
        result.description(),
        result.messages().stream()
            .map(
                m ->
                    new PromptMessage(
                        m.role() == McpSchema.Role.USER ? Role.USER : Role.ASSISTANT,
                        content(m.content())))
            .toList());
  }
}
