package dev.gatehouse.mcp.internal.scanned.plain;

import dev.gatehouse.mcp.Tool;

/** Found by scanning; created with its no-arg constructor. */
public class PlainTools {
  @Tool(description = "pings")
  public String ping() {
    return "pong";
  }
}
