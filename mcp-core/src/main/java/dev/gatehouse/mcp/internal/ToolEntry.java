package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** A tool ready to serve: its descriptor (built once) and the code behind it. */
public interface ToolEntry {

  /** The tool's name. */
  default String name() {
    return descriptor().name();
  }

  /** The descriptor sent in {@code tools/list}. */
  McpSchema.Tool descriptor();

  /** Every scope a caller needs. */
  List<String> scopes();

  /**
   * Runs the tool. Arguments that don't fit raise {@link ArgumentException}; everything else
   * becomes a {@link ToolResult}, errors included.
   */
  ToolResult call(Map<String, Object> arguments, ToolContext context);
}
