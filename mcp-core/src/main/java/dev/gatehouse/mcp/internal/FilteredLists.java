package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Optional;

/**
 * {@code resources/list}, {@code resources/templates/list} and {@code prompts/list} answered for
 * one caller, showing only what its scopes allow (the SDK can filter only tools).
 */
public final class FilteredLists {

  private FilteredLists() {}

  /** The JSON-RPC response for {@code method}, or empty when it is not a list this class serves. */
  public static Optional<String> answer(
      String method, Object id, Catalog catalog, Access access, Caller caller) {
    Object result;
    switch (method) {
      case "resources/list":
        result =
            new McpSchema.ListResourcesResult(
                catalog.resources().stream()
                    .filter(r -> !r.isTemplate() && access.missing(r.scopes(), caller).isEmpty())
                    .map(SdkServers::resource)
                    .toList(),
                null,
                null);
        break;
      case "resources/templates/list":
        result =
            new McpSchema.ListResourceTemplatesResult(
                catalog.resources().stream()
                    .filter(r -> r.isTemplate() && access.missing(r.scopes(), caller).isEmpty())
                    .map(SdkServers::template)
                    .toList(),
                null,
                null);
        break;
      case "prompts/list":
        result =
            new McpSchema.ListPromptsResult(
                catalog.prompts().stream()
                    .filter(p -> access.missing(p.scopes(), caller).isEmpty())
                    .map(PromptEntry::descriptor)
                    .toList(),
                null,
                null);
        break;
      default:
        return Optional.empty();
    }
    try {
      return Optional.of(
          Json.MCP.writeValueAsString(new McpSchema.JSONRPCResponse("2.0", id, result, null)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Whether some entry of these lists declares a scope, so that filtering can matter. */
  public static boolean needed(Catalog catalog) {
    return catalog.resources().stream().anyMatch(r -> !r.scopes().isEmpty())
        || catalog.prompts().stream().anyMatch(p -> !p.scopes().isEmpty());
  }
}
