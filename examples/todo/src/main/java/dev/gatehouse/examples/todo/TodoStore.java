package dev.gatehouse.examples.todo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory, thread-safe todo list. */
public final class TodoStore {

  private final ConcurrentSkipListMap<Integer, Todo> items = new ConcurrentSkipListMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Clock clock;

  public TodoStore(Clock clock) {
    this.clock = clock;
  }

  public Todo add(String title, LocalDate due, String owner) {
    int id = ids.incrementAndGet();
    Todo todo = new Todo(id, title, due, false, owner, clock.instant());
    items.put(id, todo);
    return todo;
  }

  /** Open items, newest first. */
  public List<Todo> open(int limit) {
    return items.values().stream()
        .filter(t -> !t.done())
        .sorted(Comparator.comparing(Todo::id).reversed())
        .limit(limit)
        .toList();
  }

  public List<Todo> all() {
    return List.copyOf(items.values());
  }

  public Optional<Todo> find(int id) {
    return Optional.ofNullable(items.get(id));
  }

  public Optional<Todo> complete(int id) {
    return Optional.ofNullable(items.computeIfPresent(id, (k, t) -> t.completed()));
  }

  public boolean delete(int id) {
    return items.remove(id) != null;
  }
}
