package dev.gatehouse.mcp;

import java.util.Map;

/**
 * The code behind a tool built at run time with {@link ToolDefinition}.
 *
 * <pre>{@code
 * ToolHandler echo = (args, ctx) -> ToolResult.text(String.valueOf(args.get("text")));
 * }</pre>
 */
@FunctionalInterface
public interface ToolHandler {

  /**
   * Handles one call. {@code arguments} holds the JSON arguments as maps, lists, strings, numbers
   * and booleans. Throw {@link ToolException} for an error the model should see.
   */
  ToolResult call(Map<String, Object> arguments, ToolContext context) throws Exception;
}
