package dev.gatehouse.mcp;

import java.util.Objects;

/**
 * One message of a prompt.
 *
 * <pre>{@code
 * return List.of(PromptMessage.user("Plan my day"), PromptMessage.of(Role.ASSISTANT, "Sure."));
 * }</pre>
 */
public record PromptMessage(Role role, Content content) {

  public PromptMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
    if (content instanceof Content.Link) {
      throw new IllegalArgumentException("prompt messages cannot hold resource links");
    }
  }

  /** A user message with text. */
  public static PromptMessage user(String text) {
    return new PromptMessage(Role.USER, Content.text(text));
  }

  /** A text message of the given role. */
  public static PromptMessage of(Role role, String text) {
    return new PromptMessage(role, Content.text(text));
  }
}
