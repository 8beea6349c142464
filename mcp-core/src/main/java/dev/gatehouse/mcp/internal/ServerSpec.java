package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.AuthOptions;
import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.InstanceFactory;
import dev.gatehouse.mcp.ToolDefinition;
import dev.gatehouse.mcp.spi.Authenticator;
import java.time.Duration;
import java.util.List;

/** Everything {@code McpServer.Builder} collected, handed over at {@code start()}. */
public record ServerSpec(
    String name,
    String version,
    String title,
    String instructions,
    List<Object> instances,
    List<String> packages,
    InstanceFactory instanceFactory,
    List<ToolDefinition> definitions,
    HttpOptions http,
    Duration clientRequestTimeout,
    Authenticator authenticator,
    AuthOptions authOptions) {

  public ServerSpec {
    instances = List.copyOf(instances);
    packages = List.copyOf(packages);
    definitions = List.copyOf(definitions);
  }
}
