package dev.gatehouse.examples.todo;

import dev.gatehouse.mcp.McpServer;
import java.time.Clock;

/** The todo example: {@code java -jar examples/todo/target/todo-server.jar}. */
public final class TodoServer {

  private TodoServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    TodoStore store = new TodoStore(Clock.systemUTC());
    McpServer server =
        McpServer.builder("todo", "1.0.0")
            .title("Todo")
            .instructions("Manages a todo list. List todos before changing them.")
            .tools(new TodoTools(store), new TodoResources(store))
            .http(http -> http.port(port))
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.out.println();
    System.out.println("  Todo MCP server is running");
    System.out.println("  MCP endpoint: " + server.url());
    System.out.println("  Press Ctrl+C to stop");
    System.out.println();
    server.awaitShutdown();
  }
}
