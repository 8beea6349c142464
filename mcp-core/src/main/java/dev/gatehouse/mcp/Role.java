package dev.gatehouse.mcp;

/**
 * Who speaks a message: the user or the assistant.
 *
 * <pre>{@code
 * PromptMessage.of(Role.ASSISTANT, "Sure, here is the plan");
 * }</pre>
 */
public enum Role {
  USER,
  ASSISTANT
}
