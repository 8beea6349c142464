package dev.gatehouse.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.test.McpTest;
import dev.gatehouse.mcp.test.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The todo example end to end, and its tools/list golden snapshot. */
class TodoServerIT {

  private static final Path GOLDEN = Path.of("src/test/resources/tools-list.json");

  private static McpServer.Builder todo() {
    TodoStore store = new TodoStore(Clock.fixed(Instant.parse("2026-01-01T09:00:00Z"), ZoneOffset.UTC));
    return McpServer.builder("todo", "1.0.0").tools(new TodoTools(store), new TodoResources(store));
  }

  @Test
  void toolsListMatchesTheGoldenSnapshot() throws IOException {
    McpTest.run(
        todo(),
        (server, client) -> {
          JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
          String actual =
              mapper.writeValueAsString(mapper.readTree(WireToolsList.fetch(server.url())).path("result").path("tools"))
                  + "\n";
          if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
          }
          String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
          assertEquals(
              expected,
              actual,
              "tools/list changed; if intended, rerun with -Dgolden.update=true and review the diff");
        });
  }

  @Test
  void addListCompleteDelete() {
    McpTest.run(
        todo(),
        (server, client) -> {
          ToolResult added = client.callTool("addTodo", Map.of("title", "  buy milk ", "due", "2026-01-02"));
          assertFalse(added.isError());
          @SuppressWarnings("unchecked")
          Map<String, Object> todo = (Map<String, Object>) added.structuredContent().orElseThrow();
          assertEquals("buy milk", todo.get("title"));
          assertEquals("anonymous", todo.get("owner"));
          int id = (Integer) todo.get("id");

          ToolResult listed = client.callTool("listTodos", Map.of());
          assertEquals(
              List.of(todo), ((Map<?, ?>) listed.structuredContent().orElseThrow()).get("result"));

          ToolResult done = client.callTool("completeTodo", Map.of("id", id));
          assertEquals(true, ((Map<?, ?>) done.structuredContent().orElseThrow()).get("done"));
          assertEquals(
              List.of(), ((Map<?, ?>) client.callTool("listTodos", Map.of()).structuredContent().orElseThrow()).get("result"));

          assertEquals("deleted todo " + id, text(client.callTool("deleteTodo", Map.of("id", id))));
          ToolResult again = client.callTool("deleteTodo", Map.of("id", id));
          assertTrue(again.isError());
          assertEquals("no todo with id " + id, text(again));
        });
  }

  @Test
  void badInputGetsClearErrors() {
    McpTest.run(
        todo(),
        (server, client) -> {
          RpcException wrongType =
              org.junit.jupiter.api.Assertions.assertThrows(
                  RpcException.class, () -> client.callTool("listTodos", Map.of("limit", "ten")));
          assertEquals("expected integer at $.limit", wrongType.getMessage());
          ToolResult outOfRange = client.callTool("listTodos", Map.of("limit", 1000));
          assertTrue(outOfRange.isError());
          assertEquals("limit must be between 1 and 100, was 1000", text(outOfRange));
          ToolResult blank = client.callTool("addTodo", Map.of("title", " "));
          assertEquals("title must not be blank", text(blank));
        });
  }

  @Test
  void resourcesAndPromptsServeTheList() {
    McpTest.run(
        todo(),
        (server, client) -> {
          client.callTool("addTodo", Map.of("title", "write docs"));
          String item = ((dev.gatehouse.mcp.ResourceContent.Text) client.readResource("todo://items/1").get(0)).text();
          assertTrue(item.contains("\"title\":\"write docs\""), item);
          String prompt =
              ((Content.Text) client.getPrompt("planDay", Map.of("mood", "calm")).messages().get(0).content()).text();
          assertEquals("Plan my day (I feel calm). Open todos:\n- write docs", prompt);
          assertEquals(List.of("busy"), client.completePrompt("planDay", "mood", "b"));
        });
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }
}
