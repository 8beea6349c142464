package dev.gatehouse.examples.todo;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One todo item.
 *
 * @param id the item's number, unique in its store
 * @param title what to do
 * @param due when it is due, or null
 * @param done whether it is done
 * @param owner who created it
 * @param created when it was created
 */
public record Todo(int id, String title, LocalDate due, boolean done, String owner, Instant created) {

  Todo completed() {
    return new Todo(id, title, due, true, owner, created);
  }
}
