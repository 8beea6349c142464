package dev.gatehouse.examples.todo;

import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.authserver.Auth;
import dev.gatehouse.mcp.authserver.AuthorizationServer;
import dev.gatehouse.mcp.spi.Authenticator;
import java.time.Clock;

/**
 * The todo example: {@code java -jar examples/todo/target/todo-server.jar}. It runs its own
 * OAuth authorization server (data in {@code ./gatehouse-data} or {@code GATEHOUSE_DATA_DIR});
 * {@code GATEHOUSE_AUTH_ISSUER} switches to an external one. Other deploy-time settings
 * ({@code GATEHOUSE_PORT}, ... see docs/configuration.md) apply; {@code PORT} is honoured too.
 */
public final class TodoServer {

  private TodoServer() {}

  /** The embedded authorization server the example uses unless told otherwise. */
  public static AuthorizationServer authorizationServer() {
    return Auth.embedded(as -> as
        .describeScope("todo:read", "see your todos")
        .describeScope("todo:write", "add, complete and delete your todos"));
  }

  /** Starts the todo server on {@code port} (0 for a free one), with its embedded authorization server. */
  public static McpServer start(int port) {
    return start(port, authorizationServer());
  }

  /** Starts the todo server on {@code port}, verifying tokens with {@code auth}. */
  public static McpServer start(int port, Authenticator auth) {
    TodoStore store = new TodoStore(Clock.systemUTC());
    return McpServer.builder("todo", "1.0.0")
        .title("Todo")
        .instructions("Manages a todo list. List todos before changing them.")
        .tools(new TodoTools(store), new TodoResources(store))
        .auth(auth, options -> options.challengeScopes("todo:read"))
        .http(http -> http.port(port))
        .start();
  }

  public static void main(String[] args) throws InterruptedException {
    AuthorizationServer as = authorizationServer();
    McpServer server = start(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")), as);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    System.out.println();
    System.out.println("  Todo MCP server is running");
    System.out.println("  MCP endpoint: " + server.url());
    if (as.issuer().isPresent()) {
      System.out.println("  Authorization server (issuer): " + as.issuer().get());
      as.developmentUser().ifPresent(user -> {
        System.out.println("  Sign in as: " + user.username());
        System.out.println("  Password:   " + user.password() + "   (development user, new at every start)");
      });
    } else {
      System.out.println("  Tokens from: " + System.getenv("GATEHOUSE_AUTH_ISSUER") + " (GATEHOUSE_AUTH_ISSUER)");
    }
    System.out.println("  Press Ctrl+C to stop");
    System.out.println();
    server.awaitShutdown();
  }
}
