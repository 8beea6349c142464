package dev.gatehouse.mcp;

import java.util.List;
import java.util.Objects;

/**
 * A request to the client's model ({@code sampling/createMessage}), sent with
 * {@link ToolContext#sample(Sampling)}.
 *
 * <pre>{@code
 * Sampling.Result r = ctx.sample(Sampling.of("Summarize: " + text, 200));
 * return r.text();
 * }</pre>
 *
 * @param messages the conversation, each a role and a text
 * @param systemPrompt an optional system prompt, or null
 * @param maxTokens the most tokens the model may produce
 */
public record Sampling(List<Message> messages, String systemPrompt, int maxTokens) {

  public Sampling {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("a sampling request needs at least one message");
    }
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
  }

  /** One user message. */
  public static Sampling of(String prompt, int maxTokens) {
    return new Sampling(List.of(new Message(Role.USER, prompt)), null, maxTokens);
  }

  /** One message of the conversation. */
  public record Message(Role role, String text) {
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * The model's answer.
   *
   * @param role the role of the answer, usually {@link Role#ASSISTANT}
   * @param text the text, empty when the model answered with non-text content
   * @param model the model that answered
   * @param stopReason why it stopped, or null
   */
  public record Result(Role role, String text, String model, String stopReason) {}
}
