package dev.gatehouse.mcp.authserver.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How {@link JdbcStore} writes values into plain SQL columns and reads them back: sets of words
 * space-separated, lists of URIs one per line, instants as epoch milliseconds.
 *
 * <pre>{@code
 * SqlValues.words(Set.of("todo:write", "todo:read"));   // "todo:read todo:write"
 * }</pre>
 */
final class SqlValues {

  private SqlValues() {}

  /** Scopes and grant types, space-separated: their values never contain spaces (RFC 6749). */
  static String words(Set<String> words) {
    for (String word : words) {
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("not a scope or grant type: '" + word + "'");
      }
    }
    return String.join(" ", new TreeSet<>(words));
  }

  static Set<String> words(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.split(" "))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }

  /** URIs one per line, in order: a URI never contains a line break. */
  static String lines(List<URI> uris) {
    return uris.stream().map(URI::toString).collect(Collectors.joining("\n"));
  }

  static List<URI> uris(String lines) {
    return Arrays.stream(lines.split("\n"))
        .filter(line -> !line.isEmpty())
        .map(URI::create)
        .toList();
  }

  static String string(URI uri) {
    return uri == null ? null : uri.toString();
  }

  static URI uri(String text) {
    return text == null ? null : URI.create(text);
  }

  /** Epoch milliseconds, clamped for instants beyond what a long can hold (Instant.MAX). */
  static long millis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
