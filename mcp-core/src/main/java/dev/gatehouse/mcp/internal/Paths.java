package dev.gatehouse.mcp.internal;

import tools.jackson.databind.DatabindException;

/** Renders a Jackson error location as a JSON path under one argument: {@code $.items[2].due}. */
final class Paths {

  private Paths() {}

  static String of(String argument, DatabindException e) {
    StringBuilder path = new StringBuilder("$.").append(argument);
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append('.').append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
