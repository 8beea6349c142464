package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolDefinition;
import dev.gatehouse.mcp.ToolException;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** A tool built at run time from a {@link ToolDefinition}; arguments are checked against its schema. */
final class DefinedTool implements ToolEntry {


  private final ToolDefinition definition;
  private final McpSchema.Tool descriptor;

  DefinedTool(ToolDefinition definition, McpSchema.Tool descriptor) {
    this.definition = definition;
    this.descriptor = descriptor;
  }

  @Override
  public McpSchema.Tool descriptor() {
    return descriptor;
  }

  @Override
  public List<String> scopes() {
    return definition.scopes();
  }

  @Override
  public ToolResult call(Map<String, Object> arguments, ToolContext context) {
    Map<String, Object> args = arguments == null ? Map.of() : arguments;
    JsonSchemaValidator.ValidationResponse check = Json.VALIDATOR.validate(definition.inputSchema(), args);
    if (!check.valid()) {
      throw new ArgumentException("invalid arguments: " + check.errorMessage());
    }
    try {
      ToolResult result = definition.handler().call(args, context);
      if (result == null) {
        throw new IllegalStateException("handler returned null");
      }
      return result;
    } catch (ToolException e) {
      return ToolResult.error(e.getMessage() == null ? "tool failed" : e.getMessage());
    } catch (Exception e) {
      return ToolResult.error(Failures.mask("tool", name(), e));
    }
  }
}
