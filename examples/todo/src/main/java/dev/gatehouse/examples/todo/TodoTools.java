package dev.gatehouse.examples.todo;

import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The todo tools: read with {@code todo:read}, change with {@code todo:write}. */
public final class TodoTools {

  private final TodoStore store;

  public TodoTools(TodoStore store) {
    this.store = store;
  }

  @Tool(description = "Lists open todos, newest first", scope = "todo:read", readOnly = true)
  public List<Todo> listTodos(
      @Param(description = "Maximum number of items (1-100, default 20)") Optional<Integer> limit) {
    int max = limit.orElse(20);
    if (max < 1 || max > 100) {
      throw new ToolException("limit must be between 1 and 100, was " + max);
    }
    return store.open(max);
  }

  @Tool(description = "Creates a todo", scope = "todo:write")
  public Todo addTodo(
      @Param(description = "Short title") String title,
      @Param(description = "Due date (YYYY-MM-DD)") Optional<LocalDate> due,
      ToolContext ctx) {
    if (title.isBlank()) {
      throw new ToolException("title must not be blank");
    }
    return store.add(title.strip(), due.orElse(null), ctx.caller().subject());
  }

  @Tool(
      description = "Marks a todo as done",
      scope = "todo:write",
      destructive = false,
      idempotent = true)
  public Todo completeTodo(@Param(description = "The todo's id") int id) {
    return store.complete(id).orElseThrow(() -> new ToolException("no todo with id " + id));
  }

  @Tool(description = "Deletes a todo for good", scope = "todo:write", idempotent = true)
  public String deleteTodo(@Param(description = "The todo's id") int id) {
    if (!store.delete(id)) {
      throw new ToolException("no todo with id " + id);
    }
    return "deleted todo " + id;
  }
}
