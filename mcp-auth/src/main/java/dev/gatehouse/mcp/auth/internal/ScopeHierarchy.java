package dev.gatehouse.mcp.auth.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scope implications such as {@code todo:write ⇒ todo:read}, applied transitively. */
public final class ScopeHierarchy {

  private final Map<String, Set<String>> implied;

  public ScopeHierarchy(Map<String, ? extends Collection<String>> implications) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    implications.forEach((scope, more) -> copy.put(scope, Set.copyOf(more)));
    this.implied = Map.copyOf(copy);
  }

  /** Every scope that {@code granted} amounts to, implications included. */
  public Set<String> expand(Collection<String> granted) {
    Set<String> all = new LinkedHashSet<>(granted);
    Deque<String> pending = new ArrayDeque<>(granted);
    while (!pending.isEmpty()) {
      for (String next : implied.getOrDefault(pending.pop(), Set.of())) {
        if (all.add(next)) {
          pending.push(next);
        }
      }
    }
    return all;
  }

  /**
   * The scopes of {@code required} that {@code granted} does not cover. Runs on every request:
   * implications are expanded only when a required scope is not held directly.
   */
  public List<String> missing(Collection<String> required, Collection<String> granted) {
    List<String> lacking = null;
    for (String scope : required) {
      if (!granted.contains(scope)) {
        if (lacking == null) {
          lacking = new java.util.ArrayList<>(required.size());
        }
        lacking.add(scope);
      }
    }
    if (lacking == null) {
      return List.of();
    }
    if (implied.isEmpty()) {
      return List.copyOf(lacking);
    }
    Set<String> have = expand(granted);
    return lacking.stream().filter(scope -> !have.contains(scope)).toList();
  }
}
