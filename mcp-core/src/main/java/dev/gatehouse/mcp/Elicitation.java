package dev.gatehouse.mcp;

import java.util.Map;

/**
 * The user's answer to {@link ToolContext#elicit(String, Map)}.
 *
 * <pre>{@code
 * Elicitation answer = ctx.elicit("Which list?", Map.of("type", "object",
 *     "properties", Map.of("list", Map.of("type", "string"))));
 * if (answer.accepted()) use(answer.content().get("list"));
 * }</pre>
 *
 * @param action what the user did
 * @param content the submitted values when accepted, otherwise empty
 */
public record Elicitation(Action action, Map<String, Object> content) {

  /** What the user did with the request. */
  public enum Action {
    ACCEPT,
    DECLINE,
    CANCEL
  }

  public Elicitation {
    content = content == null ? Map.of() : Map.copyOf(content);
  }

  /** Whether the user accepted and submitted values. */
  public boolean accepted() {
    return action == Action.ACCEPT;
  }

  /**
   * The submitted values as a record or POJO, e.g. the form type given to
   * {@link ToolContext#elicit(String, Class)}.
   *
   * @throws ToolException when the user did not accept, or the values don't fit {@code type}
   */
  public <T> T as(Class<T> type) {
    if (!accepted()) {
      throw new ToolException("the user did not accept the request (" + action + ")");
    }
    return dev.gatehouse.mcp.internal.ElicitationForms.read(content, type);
  }
}
