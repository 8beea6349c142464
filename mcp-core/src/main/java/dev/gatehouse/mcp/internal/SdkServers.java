package dev.gatehouse.mcp.internal;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds the SDK server for a {@link Catalog}. Gatehouse's settings, not the SDK's defaults:
 * handlers run on the request thread (no Reactor hop), arguments are validated by our own binder,
 * client requests wait as long as configured, and the JSON mapper is passed explicitly.
 */
public final class SdkServers {

  private SdkServers() {}

  /** A stateful server over the streamable HTTP (or any session-based) transport. */
  public static McpSyncServer stateful(
      McpStreamableServerTransportProvider provider,
      ServerSpec spec,
      Catalog catalog,
      Cancellations cancellations) {
    var builder =
        McpServer.sync(provider)
            .serverInfo(info(spec))
            .jsonMapper(Json.MCP)
            .jsonSchemaValidator(Json.VALIDATOR)
            .immediateExecution(true)
            .validateToolInputs(false)
            .requestTimeout(spec.clientRequestTimeout())
            .capabilities(capabilities(catalog, true));
    if (spec.instructions() != null) {
      builder.instructions(spec.instructions());
    }
    Access access = Access.of(spec.authenticator());
    if (access.enabled() && spec.authOptions().filterLists()) {
      builder.addToolFilter(
          (transportContext, tool) -> visible(access, catalog, tool, transportContext));
    }
    for (ToolEntry tool : catalog.tools()) {
      builder.tools(
          new McpServerFeatures.SyncToolSpecification(
              tool.descriptor(),
              (exchange, request) -> {
                Object requestId = SessionContext.requestId(exchange.transportContext());
                String session = exchange.sessionId();
                AtomicBoolean cancelled = cancellations.begin(session, requestId);
                try {
                  return Handlers.callTool(
                      access,
                      tool, request, context(exchange, request.progressToken(), tool.name(), cancelled));
                } finally {
                  cancellations.end(session, requestId);
                }
              }));
    }
    for (ResourceEntry resource : catalog.resources()) {
      if (resource.isTemplate()) {
        builder.resourceTemplates(
            new McpServerFeatures.SyncResourceTemplateSpecification(
                template(resource),
                (exchange, request) ->
                    Handlers.readResource(
                        access,
                        resource, request, context(exchange, null, resource.name(), null))));
      } else {
        builder.resources(
            new McpServerFeatures.SyncResourceSpecification(
                resource(resource),
                (exchange, request) ->
                    Handlers.readResource(
                        access,
                        resource, request, context(exchange, null, resource.name(), null))));
      }
    }
    for (PromptEntry prompt : catalog.prompts()) {
      builder.prompts(
          new McpServerFeatures.SyncPromptSpecification(
              prompt.descriptor(),
              (exchange, request) ->
                  Handlers.getPrompt(access, prompt, request, context(exchange, null, prompt.name(), null))));
    }
    completions(catalog)
        .forEach(
            (ref, entries) ->
                builder.completions(
                    new McpServerFeatures.SyncCompletionSpecification(
                        ref, (exchange, request) -> Handlers.complete(entries, request))));
    return builder.build();
  }

  /** A stateless server: every request stands alone. */
  public static McpStatelessSyncServer stateless(
      McpStatelessServerTransport transport, ServerSpec spec, Catalog catalog) {
    var builder =
        McpServer.sync(transport)
            .serverInfo(info(spec))
            .jsonMapper(Json.MCP)
            .jsonSchemaValidator(Json.VALIDATOR)
            .immediateExecution(true)
            .validateToolInputs(false)
            .requestTimeout(spec.clientRequestTimeout())
            .capabilities(capabilities(catalog, false));
    if (spec.instructions() != null) {
      builder.instructions(spec.instructions());
    }
    Access access = Access.of(spec.authenticator());
    if (access.enabled() && spec.authOptions().filterLists()) {
      builder.addToolFilter(
          (transportContext, tool) -> visible(access, catalog, tool, transportContext));
    }
    for (ToolEntry tool : catalog.tools()) {
      builder.tools(
          new McpStatelessServerFeatures.SyncToolSpecification(
              tool.descriptor(),
              (transportContext, request) ->
                  Handlers.callTool(access, tool, request, new StatelessContext(transportContext))));
    }
    for (ResourceEntry resource : catalog.resources()) {
      if (resource.isTemplate()) {
        builder.resourceTemplates(
            new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
                template(resource),
                (ctx, request) -> Handlers.readResource(access, resource, request, new StatelessContext(ctx))));
      } else {
        builder.resources(
            new McpStatelessServerFeatures.SyncResourceSpecification(
                resource(resource),
                (ctx, request) -> Handlers.readResource(access, resource, request, new StatelessContext(ctx))));
      }
    }
    for (PromptEntry prompt : catalog.prompts()) {
      builder.prompts(
          new McpStatelessServerFeatures.SyncPromptSpecification(
              prompt.descriptor(),
              (ctx, request) -> Handlers.getPrompt(access, prompt, request, new StatelessContext(ctx))));
    }
    completions(catalog)
        .forEach(
            (ref, entries) ->
                builder.completions(
                    new McpStatelessServerFeatures.SyncCompletionSpecification(
                        ref, (McpTransportContext ctx, McpSchema.CompleteRequest request) ->
                            Handlers.complete(entries, request))));
    return builder.build();
  }

  /** tools/list shows only what the caller may call (calls are enforced separately). */
  private static boolean visible(
      Access access, Catalog catalog, McpSchema.Tool tool, McpTransportContext transportContext) {
    List<String> required = catalog.tool(tool.name()).map(ToolEntry::scopes).orElse(List.of());
    return access.missing(required, SessionContext.caller(transportContext)).isEmpty();
  }

  private static SessionContext context(
      McpSyncServerExchange exchange, Object progressToken, String logger, AtomicBoolean cancelled) {
    return new SessionContext(
        exchange, progressToken, logger, cancelled == null ? new AtomicBoolean() : cancelled);
  }

  private static McpSchema.Implementation info(ServerSpec spec) {
    McpSchema.Implementation.Builder info =
        McpSchema.Implementation.builder(spec.name(), spec.version());
    if (spec.title() != null) {
      info.title(spec.title());
    }
    return info.build();
  }

  static McpSchema.ServerCapabilities capabilities(Catalog catalog, boolean sessions) {
    McpSchema.ServerCapabilities.Builder caps = McpSchema.ServerCapabilities.builder();
    caps.tools(false);
    if (sessions) {
      caps.logging(); // log notifications need a session to travel on
    }
    if (!catalog.resources().isEmpty()) {
      // subscriptions need sessions to notify; the SDK keeps track of who subscribed
      caps.resources(sessions, false);
    }
    if (!catalog.prompts().isEmpty()) {
      caps.prompts(false);
    }
    if (!catalog.completions().isEmpty()) {
      caps.completions();
    }
    return caps.build();
  }

  static McpSchema.Resource resource(ResourceEntry r) {
    return new McpSchema.Resource(
        r.uri(), r.name(), r.title(), r.description(), r.mimeType(), null, null, null, null);
  }

  static McpSchema.ResourceTemplate template(ResourceEntry r) {
    return new McpSchema.ResourceTemplate(
        r.uri(), r.name(), r.title(), r.description(), r.mimeType(), null, null, null);
  }

  private static Map<McpSchema.CompleteReference, List<CompletionEntry>> completions(
      Catalog catalog) {
    Map<McpSchema.CompleteReference, List<CompletionEntry>> byRef = new LinkedHashMap<>();
    for (CompletionEntry entry : catalog.completions()) {
      McpSchema.CompleteReference ref =
          entry.prompt() != null
              ? new McpSchema.PromptReference(entry.prompt())
              : new McpSchema.ResourceReference(entry.resource());
      byRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(entry);
    }
    return byRef;
  }
}
