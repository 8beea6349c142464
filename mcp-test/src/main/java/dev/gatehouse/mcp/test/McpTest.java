package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.McpServer;

/**
 * Runs a server on a free port with a connected {@link TestClient}, and closes both afterwards.
 *
 * <pre>{@code
 * @Test
 * void addsATodo() {
 *   McpTest.run(McpServer.builder("todo", "1").tools(new TodoTools(store)), (server, client) -> {
 *     assertEquals("milk", client.callTool("addTodo", Map.of("title", "milk"))
 *         .structuredContent().map(m -> ((Map<?, ?>) m).get("title")).orElseThrow());
 *   });
 * }
 * }</pre>
 */
public final class McpTest {

  /** The body of a test, given the running server and a connected client. */
  @FunctionalInterface
  public interface Body {
    void run(McpServer server, TestClient client) throws Exception;
  }

  private McpTest() {}

  /** Starts {@code builder} on port 0, connects a client, runs {@code body}, closes everything. */
  public static void run(McpServer.Builder builder, Body body) {
    try (McpServer server = builder.http(http -> http.port(0)).start();
        TestClient client = TestClient.connect(server.url())) {
      body.run(server, client);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
