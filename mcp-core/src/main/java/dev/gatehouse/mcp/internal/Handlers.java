package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The request handlers shared by the stateful and stateless SDK servers: each takes a ready
 * {@link ToolContext} and turns Gatehouse failures into the right JSON-RPC errors.
 */
final class Handlers {

  private Handlers() {}

  static McpSchema.CallToolResult callTool(
      ToolEntry tool, McpSchema.CallToolRequest request, ToolContext context) {
    try {
      return SdkContent.toolResult(tool.call(request.arguments(), context));
    } catch (ArgumentException e) {
      throw invalidParams(e.getMessage());
    }
  }

  static McpSchema.ReadResourceResult readResource(
      ResourceEntry resource, McpSchema.ReadResourceRequest request, ToolContext context) {
    try {
      return SdkContent.readResult(resource.read(request.uri(), context));
    } catch (ArgumentException e) {
      throw invalidParams(e.getMessage());
    } catch (ToolException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
    }
  }

  static McpSchema.GetPromptResult getPrompt(
      PromptEntry prompt, McpSchema.GetPromptRequest request, ToolContext context) {
    try {
      return SdkContent.promptResult(prompt.get(request.arguments(), context));
    } catch (ArgumentException e) {
      throw invalidParams(e.getMessage());
    } catch (ToolException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
    }
  }

  static McpSchema.CompleteResult complete(
      List<CompletionEntry> entries, McpSchema.CompleteRequest request) {
    String argument = request.argument() == null ? null : request.argument().name();
    for (CompletionEntry entry : entries) {
      if (entry.argument().equals(argument)) {
        Map<String, String> resolved =
            request.context() == null ? Map.of() : request.context().arguments();
        List<String> values;
        try {
          values = entry.complete(request.argument().value(), resolved);
        } catch (ToolException e) {
          throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
        }
        int total = values.size();
        List<String> page = values.subList(0, Math.min(total, CompletionEntry.MAX_VALUES));
        return new McpSchema.CompleteResult(
            new McpSchema.CompleteResult.CompleteCompletion(
                List.copyOf(page), total, total > page.size()),
            null);
      }
    }
    return new McpSchema.CompleteResult(
        new McpSchema.CompleteResult.CompleteCompletion(List.of(), 0, false), null);
  }

  private static McpError invalidParams(String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
  }
}
