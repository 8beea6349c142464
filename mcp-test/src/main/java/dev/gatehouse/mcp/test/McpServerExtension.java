package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.McpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension that runs one server on a free port for a test class and hands each test a
 * freshly connected {@link TestClient} (its own MCP session), closed after the test.
 *
 * <pre>{@code
 * class TodoToolsTest {
 *   @RegisterExtension
 *   static final McpServerExtension MCP =
 *       McpServerExtension.of(() -> McpServer.builder("todo", "1").tools(new TodoTools(store)));
 *
 *   @Test
 *   void addsATodo(TestClient client) {
 *     assertFalse(client.callTool("addTodo", Map.of("title", "milk")).isError());
 *   }
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: the server starts before the first test and stops
 * after the last. Test methods may declare {@link TestClient} and {@link McpServer} parameters.
 */
public final class McpServerExtension
    implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {

  private final Supplier<McpServer.Builder> builder;
  private final List<TestClient> clients = new ArrayList<>();
  private McpServer server;

  private McpServerExtension(Supplier<McpServer.Builder> builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /** Serves what {@code builder} describes; its port is replaced by a free one. */
  public static McpServerExtension of(Supplier<McpServer.Builder> builder) {
    return new McpServerExtension(builder);
  }

  /** The running server. */
  public McpServer server() {
    if (server == null) {
      throw new IllegalStateException("the server runs only while the test class does; register the extension on a static field");
    }
    return server;
  }

  /** A new client with its own session, closed after the current test. */
  public TestClient newClient() {
    TestClient client = TestClient.connect(server().url());
    synchronized (clients) {
      clients.add(client);
    }
    return client;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = builder.get().http(http -> http.port(0)).start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    synchronized (clients) {
      clients.forEach(TestClient::close);
      clients.clear();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestClient.class || type == McpServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == McpServer.class ? server() : newClient();
  }
}
