package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Map;
import java.util.Optional;

/** The {@link ToolContext} of a stateless request: no session, so no way back to the client. */
final class StatelessContext implements ToolContext {

  private final McpTransportContext transport;

  StatelessContext(McpTransportContext transport) {
    this.transport = transport;
  }

  @Override
  public Caller caller() {
    return SessionContext.caller(transport);
  }

  @Override
  public Optional<String> sessionId() {
    return Optional.empty();
  }

  @Override
  public void progress(double progress, double total, String message) {}

  @Override
  public void log(LogLevel level, String message) {}

  @Override
  public boolean isCancelled() {
    return false;
  }

  @Override
  public Elicitation elicit(String message, Map<String, Object> requestedSchema) {
    throw new ToolException("elicitation needs a stateful session; this server runs stateless");
  }

  @Override
  public Sampling.Result sample(Sampling request) {
    throw new ToolException("sampling needs a stateful session; this server runs stateless");
  }
}
