package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.PromptMessage;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A prompt declared with {@code @Prompt}. */
public final class PromptEntry {

  private final McpSchema.Prompt descriptor;
  private final List<String> scopes;
  private final Invoker invoker;

  PromptEntry(McpSchema.Prompt descriptor, List<String> scopes, Invoker invoker) {
    this.descriptor = descriptor;
    this.scopes = List.copyOf(scopes);
    this.invoker = invoker;
  }

  public String name() {
    return descriptor.name();
  }

  public McpSchema.Prompt descriptor() {
    return descriptor;
  }

  public List<String> scopes() {
    return scopes;
  }

  /** Renders the prompt; bad arguments raise {@link ArgumentException}. */
  public PromptResult get(Map<String, Object> arguments, ToolContext context) {
    Object value;
    try {
      value = invoker.invoke(arguments == null ? Map.of() : arguments, context, Json.LENIENT);
    } catch (ArgumentException | ToolException e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      throw new ToolException(Failures.mask("prompt", name(), e));
    }
    if (value instanceof PromptResult result) {
      return result;
    }
    if (value instanceof PromptMessage message) {
      return new PromptResult(descriptor.description(), List.of(message));
    }
    if (value instanceof Collection<?> messages) {
      List<PromptMessage> list = new ArrayList<>();
      messages.forEach(m -> list.add((PromptMessage) m));
      return new PromptResult(descriptor.description(), list);
    }
    return new PromptResult(
        descriptor.description(), List.of(PromptMessage.user(String.valueOf(value))));
  }
}
