package dev.gatehouse.examples.todo;

import dev.gatehouse.mcp.McpServer;
import java.time.Clock;

/**
 * The todo example: {@code java -jar examples/todo/target/todo-server.jar}. Deploy-time settings
 * ({@code GATEHOUSE_PORT}, {@code GATEHOUSE_AUTH_ISSUER}, ... see docs/configuration.md) apply;
 * {@code PORT} is honoured too.
 */
public final class TodoServer {

  private TodoServer() {}

  /** Starts the todo server on {@code port} (0 for a free one). */
  public static McpServer start(int port) {
    TodoStore store = new TodoStore(Clock.systemUTC());
    return McpServer.builder("todo", "1.0.0")
        .title("Todo")
        .instructions("Manages a todo list. List todos before changing them.")
        .tools(new TodoTools(store), new TodoResources(store))
        .http(http -> http.port(port))
        .start();
  }

  public static void main(String[] args) throws InterruptedException {
    McpServer server = start(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.out.println();
    System.out.println("  Todo MCP server is running");
    System.out.println("  MCP endpoint: " + server.url());
    System.out.println("  Press Ctrl+C to stop");
    System.out.println();
    server.awaitShutdown();
  }
}
