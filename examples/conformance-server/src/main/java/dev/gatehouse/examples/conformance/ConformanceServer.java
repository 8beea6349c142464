package dev.gatehouse.examples.conformance;

import dev.gatehouse.mcp.McpServer;

/**
 * The server fixture of the official MCP conformance suite, written with Gatehouse annotations:
 * {@code java -jar examples/conformance-server/target/conformance-server.jar} (port from
 * {@code PORT}, default 3001).
 */
public final class ConformanceServer {

  private ConformanceServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3001"));
    McpServer server =
        McpServer.builder("gatehouse-conformance-server", "1.0.0")
            .scan("dev.gatehouse.examples.conformance")
            .http(http -> http.port(port))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.out.println("Conformance server ready. MCP endpoint: " + server.url());
    server.awaitShutdown();
  }
}
