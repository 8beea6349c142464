package dev.gatehouse.mcp;

import java.util.List;

/**
 * The full result of a prompt: a description and its messages.
 *
 * <pre>{@code
 * return new PromptResult("Your day", List.of(PromptMessage.user("Plan my day")));
 * }</pre>
 *
 * @param description a description of this rendering, or null
 * @param messages the messages
 */
public record PromptResult(String description, List<PromptMessage> messages) {
  public PromptResult {
    messages = List.copyOf(messages);
  }
}
