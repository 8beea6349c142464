package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** A tool declared with {@code @Tool} on a method. */
final class MethodTool implements ToolEntry {

  private final McpSchema.Tool descriptor;
  private final List<String> scopes;
  private final Invoker invoker;
  private final ResultShape shape;
  private final Set<String> argumentNames;

  MethodTool(McpSchema.Tool descriptor, List<String> scopes, Invoker invoker, ResultShape shape) {
    this.descriptor = descriptor;
    this.scopes = List.copyOf(scopes);
    this.invoker = invoker;
    this.shape = shape;
    this.argumentNames = new LinkedHashSet<>(Parameters.argumentNames(invoker.bindings()));
  }

  /** A misspelt argument would otherwise be ignored silently; tell the model instead. */
  private void rejectUnknown(Map<String, Object> arguments) {
    if (arguments == null) {
      return;
    }
    for (String name : arguments.keySet()) {
      if (!argumentNames.contains(name)) {
        throw new ArgumentException(
            "unknown argument '" + name + "'"
                + (argumentNames.isEmpty() ? "; this tool takes none" : "; expected " + argumentNames));
      }
    }
  }

  @Override
  public McpSchema.Tool descriptor() {
    return descriptor;
  }

  @Override
  public List<String> scopes() {
    return scopes;
  }

  @Override
  public ToolResult call(Map<String, Object> arguments, ToolContext context) {
    rejectUnknown(arguments);
    try {
      return shape.toResult(invoker.invoke(arguments, context, Json.STRICT), name());
    } catch (ArgumentException e) {
      throw e;
    } catch (ToolException e) {
      return ToolResult.error(e.getMessage() == null ? "tool failed" : e.getMessage());
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      return ToolResult.error(Failures.mask("tool", name(), e));
    }
  }
}
