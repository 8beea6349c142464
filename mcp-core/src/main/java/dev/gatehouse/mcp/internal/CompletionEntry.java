package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Completions for one prompt argument or template variable, from a {@code @Completion} method. */
public final class CompletionEntry {

  /** The most values one completion result may carry (MCP limit). */
  public static final int MAX_VALUES = 100;

  private final String prompt;
  private final String resource;
  private final String argument;
  private final MethodHandle handle;
  private final boolean takesContext;

  CompletionEntry(String prompt, String resource, String argument, Object instance, Method method) {
    this.prompt = prompt;
    this.resource = resource;
    this.argument = argument;
    this.takesContext = method.getParameterCount() == 2;
    try {
      method.setAccessible(true);
      MethodHandle h = MethodHandles.lookup().unreflect(method).bindTo(instance);
      this.handle = h.asType(h.type().generic());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The prompt name, or null for a resource template. */
  public String prompt() {
    return prompt;
  }

  /** The resource URI template, or null for a prompt. */
  public String resource() {
    return resource;
  }

  public String argument() {
    return argument;
  }

  /** The values for a partial {@code value}, given the arguments already resolved. */
  public List<String> complete(String value, Map<String, String> context) {
    try {
      Object result =
          takesContext
              ? handle.invoke(value == null ? "" : value, context == null ? Map.of() : context)
              : handle.invoke(value == null ? "" : value);
      if (result == null) {
        return List.of();
      }
      return ((Collection<?>) result).stream().map(String::valueOf).toList();
    } catch (ToolException e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      throw new ToolException(
          Failures.mask("completion", (prompt != null ? prompt : resource) + "#" + argument, e));
    }
  }
}
