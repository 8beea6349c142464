package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.Role;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@link ToolContext} of a request in a stateful session, backed by the SDK exchange. */
final class SessionContext implements ToolContext {

  private final McpSyncServerExchange exchange;
  private final Object progressToken;
  private final String logger;
  private final AtomicBoolean cancelled;

  SessionContext(
      McpSyncServerExchange exchange, Object progressToken, String logger, AtomicBoolean cancelled) {
    this.exchange = exchange;
    this.progressToken = progressToken;
    this.logger = logger;
    this.cancelled = cancelled;
  }

  static Caller caller(McpTransportContext context) {
    Object caller = context == null ? null : context.get(RequestKeys.CALLER);
    return caller instanceof Caller c ? c : Caller.anonymous();
  }

  static Object requestId(McpTransportContext context) {
    return context == null ? null : context.get(RequestKeys.REQUEST_ID);
  }

  @Override
  public Caller caller() {
    return caller(exchange.transportContext());
  }

  @Override
  public Optional<String> sessionId() {
    return Optional.ofNullable(exchange.sessionId());
  }

  @Override
  public void progress(double progress, double total, String message) {
    if (progressToken == null) {
      return;
    }
    exchange.progressNotification(
        new McpSchema.ProgressNotification(
            progressToken, progress, Double.isNaN(total) ? null : total, message, null));
  }

  @Override
  public void log(LogLevel level, String message) {
    exchange.loggingNotification(
        new McpSchema.LoggingMessageNotification(
            McpSchema.LoggingLevel.valueOf(level.name()), logger, message, null));
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public Elicitation elicit(String message, Map<String, Object> requestedSchema) {
    McpSchema.ElicitResult result =
        ask("elicitation", () -> exchange.createElicitation(
            new McpSchema.ElicitFormRequest(message, requestedSchema, null)));
    return new Elicitation(
        Elicitation.Action.valueOf(result.action().name()), result.content());
  }

  @Override
  public Sampling.Result sample(Sampling request) {
    var messages =
        request.messages().stream()
            .map(
                m ->
                    new McpSchema.SamplingMessage(
                        McpSchema.Role.valueOf(m.role().name()),
                        new McpSchema.TextContent(null, m.text(), null)))
            .toList();
    McpSchema.CreateMessageRequest.Builder builder =
        McpSchema.CreateMessageRequest.builder(messages, request.maxTokens());
    if (request.systemPrompt() != null) {
      builder.systemPrompt(request.systemPrompt());
    }
    McpSchema.CreateMessageResult result =
        ask("sampling", () -> exchange.createMessage(builder.build()));
    String text = result.content() instanceof McpSchema.TextContent t ? t.text() : "";
    return new Sampling.Result(
        result.role() == McpSchema.Role.USER ? Role.USER : Role.ASSISTANT,
        text,
        result.model(),
        result.stopReason() == null ? null : result.stopReason().name());
  }

  private static <T> T ask(String what, java.util.function.Supplier<T> request) {
    try {
      T result = request.get();
      if (result == null) {
        throw new ToolException("the client sent no " + what + " result");
      }
      return result;
    } catch (IllegalStateException e) {
      throw new ToolException("the client does not support " + what + ": " + e.getMessage(), e);
    } catch (ToolException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof java.util.concurrent.TimeoutException) {
        throw new ToolException("the client did not answer the " + what + " request in time", e);
      }
      throw new ToolException("the " + what + " request failed: " + cause.getMessage(), e);
    }
  }
}
