package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The request handlers shared by the stateful and stateless SDK servers: each takes a ready
 * {@link ToolContext} and turns Gatehouse failures into the right JSON-RPC errors.
 */
final class Handlers {

  private Handlers() {}

  static McpSchema.CallToolResult callTool(
      Access access, ToolEntry tool, McpSchema.CallToolRequest request, ToolContext context) {
    access.require(tool.scopes(), context.caller(), "tool '" + tool.name() + "'");
    // a tool's own failures are already results; only argument errors remain
    return guard(() -> SdkContent.toolResult(tool.call(request.arguments(), context)));
  }

  static McpSchema.ReadResourceResult readResource(
      Access access, ResourceEntry resource, McpSchema.ReadResourceRequest request, ToolContext context) {
    access.require(resource.scopes(), context.caller(), "resource '" + resource.uri() + "'");
    return guard(() -> SdkContent.readResult(resource.read(request.uri(), context)));
  }

  static McpSchema.GetPromptResult getPrompt(
      Access access, PromptEntry prompt, McpSchema.GetPromptRequest request, ToolContext context) {
    access.require(prompt.scopes(), context.caller(), "prompt '" + prompt.name() + "'");
    return guard(() -> SdkContent.promptResult(prompt.get(request.arguments(), context)));
  }

  /**
   * Runs a handler, turning {@link ArgumentException} into JSON-RPC -32602 and
   * {@link ToolException} (already masked where needed) into -32603 with its message.
   */
  private static <T> T guard(Supplier<T> handler) {
    try {
      return handler.get();
    } catch (ArgumentException e) {
      throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build();
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
        List<String> values = guard(() -> entry.complete(request.argument().value(), resolved));
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

}
