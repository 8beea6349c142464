package dev.gatehouse.mcp.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request handed to {@link HttpEndpoints}: method, path, headers (names lower-case),
 * query and form parameters (a parameter given twice keeps both values), the raw body (already
 * bounded by the server's request limit) and the peer's address.
 *
 * <pre>{@code
 * String grant = exchange.param("grant_type").orElse("");
 * }</pre>
 */
public record HttpExchange(
    String method,
    String path,
    Map<String, List<String>> headers,
    Map<String, List<String>> query,
    Map<String, List<String>> form,
    byte[] body,
    String remoteAddress,
    boolean secure) {

  public HttpExchange {
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
    form = Map.copyOf(form);
  }

  /** The first value of a header (case-insensitive). */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The single value of a query or form parameter; empty when absent. */
  public Optional<String> param(String name) {
    List<String> values = form.containsKey(name) ? form.get(name) : query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** How many times a parameter appears in the query and the form together. */
  public int count(String name) {
    return query.getOrDefault(name, List.of()).size() + form.getOrDefault(name, List.of()).size();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The value of a cookie. */
  public Optional<String> cookie(String name) {
    for (String header : headers.getOrDefault("cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
          return Optional.of(pair.substring(eq + 1).trim());
        }
      }
    }
    return Optional.empty();
  }
}
