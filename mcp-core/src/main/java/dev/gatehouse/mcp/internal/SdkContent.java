package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.PromptMessage;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Role;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;

/** Converts Gatehouse's public value types to the SDK's schema types. */
public final class SdkContent {

  private SdkContent() {}

  public static McpSchema.CallToolResult toolResult(ToolResult result) {
    List<McpSchema.Content> content = result.content().stream().map(SdkContent::content).toList();
    if (content.isEmpty() && result.structuredContent().isPresent()) {
      // the JSON text block for clients that predate structured content
      content =
          List.of(
              new McpSchema.TextContent(
                  null, Json.LENIENT.writeValueAsString(result.structuredContent().get()), null));
    }
    return new McpSchema.CallToolResult(
        content,
        result.isError(),
        result.structuredContent().orElse(null),
        null);
  }

  static McpSchema.Content content(Content content) {
    if (content instanceof Content.Text t) {
      return new McpSchema.TextContent(null, t.text(), null);
    }
    if (content instanceof Content.Image i) {
      return new McpSchema.ImageContent(null, i.data(), i.mimeType(), null);
    }
    if (content instanceof Content.Audio a) {
      return new McpSchema.AudioContent(null, a.data(), a.mimeType(), null);
    }
    if (content instanceof Content.Embedded e) {
      return new McpSchema.EmbeddedResource(null, resource(e.resource()), null);
    }
    Content.Link l = (Content.Link) content;
    return new McpSchema.ResourceLink(
        l.name(), null, l.uri(), l.description(), l.mimeType(), null, null, null);
  }

  static McpSchema.ResourceContents resource(ResourceContent content) {
    if (content instanceof ResourceContent.Text t) {
      return new McpSchema.TextResourceContents(t.uri(), t.mimeType(), t.text(), null);
    }
    ResourceContent.Blob b = (ResourceContent.Blob) content;
    return new McpSchema.BlobResourceContents(b.uri(), b.mimeType(), b.blob(), null);
  }

  static McpSchema.ReadResourceResult readResult(List<ResourceContent> contents) {
    return new McpSchema.ReadResourceResult(
        contents.stream().map(SdkContent::resource).toList(), null);
  }

  static McpSchema.GetPromptResult promptResult(PromptResult result) {
    return new McpSchema.GetPromptResult(
        result.description(),
        result.messages().stream().map(SdkContent::promptMessage).toList(),
        null);
  }

  private static McpSchema.PromptMessage promptMessage(PromptMessage message) {
    return new McpSchema.PromptMessage(
        message.role() == Role.USER ? McpSchema.Role.USER : McpSchema.Role.ASSISTANT,
        content(message.content()));
  }
}
