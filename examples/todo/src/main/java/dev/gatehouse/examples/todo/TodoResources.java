package dev.gatehouse.examples.todo;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.ToolException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Todos as resources, and a prompt that plans the day from them. */
public final class TodoResources {

  private final TodoStore store;

  public TodoResources(TodoStore store) {
    this.store = store;
  }

  @Resource(
      uri = "todo://items",
      mimeType = "application/json",
      description = "Every todo, open and done",
      scope = "todo:read")
  public List<Todo> items() {
    return store.all();
  }

  @Resource(
      uri = "todo://items/{id}",
      mimeType = "application/json",
      description = "One todo by id",
      scope = "todo:read")
  public Todo item(int id) {
    return store.find(id).orElseThrow(() -> new ToolException("no todo with id " + id));
  }

  @Prompt(description = "Plans the day from the open todos", scope = "todo:read")
  public String planDay(@Param(description = "How the day feels: calm, busy or tired") Optional<String> mood) {
    String list =
        store.open(20).stream().map(t -> "- " + t.title()).collect(Collectors.joining("\n"));
    return "Plan my day" + mood.map(m -> " (I feel " + m + ")").orElse("")
        + ". Open todos:\n" + (list.isEmpty() ? "(none)" : list);
  }

  @Completion(prompt = "planDay", argument = "mood")
  public List<String> moods(String prefix) {
    return Stream.of("calm", "busy", "tired").filter(m -> m.startsWith(prefix)).toList();
  }
}
