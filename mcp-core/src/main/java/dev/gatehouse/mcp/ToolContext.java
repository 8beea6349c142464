package dev.gatehouse.mcp;

import java.util.Map;
import java.util.Optional;

/**
 * What a tool, resource or prompt method can do beyond its arguments. Declare a parameter of this
 * type and Gatehouse injects it; it never appears in the input schema.
 *
 * <pre>{@code
 * @Tool(description = "Imports a file")
 * public String importFile(String path, ToolContext ctx) {
 *   for (int i = 0; i < 10; i++) {
 *     if (ctx.isCancelled()) throw new ToolException("cancelled");
 *     ctx.progress(i, 10, "chunk " + i);
 *   }
 *   ctx.log(LogLevel.INFO, "imported " + path);
 *   return "done";
 * }
 * }</pre>
 *
 * <p>Notifications (progress, logs) are best effort: they are dropped when the client gave no
 * progress token, set a higher log level, or the server runs stateless. Requests to the client
 * (elicitation, sampling) need a stateful session and a client that declared the capability;
 * otherwise they throw {@link ToolException}.
 */
public interface ToolContext {

  /** Who is calling; {@link Caller#anonymous()} without authentication. */
  Caller caller();

  /** The MCP session id, empty in stateless mode. */
  Optional<String> sessionId();

  /** Reports progress to the client, if it asked for progress on this request. */
  void progress(double progress, double total, String message);

  /** Reports progress without a known total. */
  default void progress(double progress) {
    progress(progress, Double.NaN, null);
  }

  /** Sends a log message to the client (subject to the level it set with logging/setLevel). */
  void log(LogLevel level, String message);

  /** Whether the client cancelled this request; long-running tools should check it. */
  boolean isCancelled();

  /**
   * Asks the user, through the client, for structured input described by a JSON Schema object of
   * primitive properties. Blocks until the user answers or the client request timeout passes.
   */
  Elicitation elicit(String message, Map<String, Object> requestedSchema);

  /**
   * Asks the user for the fields of a record (or POJO) whose components are strings, numbers,
   * booleans or enums, as MCP elicitation allows; read the answer with
   * {@link Elicitation#as(Class)}.
   *
   * <pre>{@code
   * record Confirm(boolean proceed, String reason) {}
   * Elicitation answer = ctx.elicit("Delete 40 todos?", Confirm.class);
   * if (answer.accepted() && answer.as(Confirm.class).proceed()) { ... }
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code form} has a field elicitation cannot ask for
   */
  default Elicitation elicit(String message, Class<?> form) {
    return elicit(message, dev.gatehouse.mcp.internal.ElicitationForms.schema(form));
  }

  /** Asks the client's model for a completion. Blocks until it answers. */
  Sampling.Result sample(Sampling request);
}
