package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.McpServer;

/**
 * Starts a transport for a validated {@link Catalog}. Found with {@link java.util.ServiceLoader};
 * {@code mcp-transport-http} provides the Jetty one.
 */
public interface Launcher {

  /** Binds and starts serving; throws {@link dev.gatehouse.mcp.McpException} when it cannot. */
  McpServer launch(ServerSpec spec, Catalog catalog);
}
