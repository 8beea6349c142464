package dev.gatehouse.mcp.spi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link HttpEndpoints} answer: a status, headers (a name may repeat, e.g.
 * {@code Set-Cookie}) and a body.
 *
 * <pre>{@code
 * return HttpReply.json(200, "{\"keys\":[]}").with("Cache-Control", "max-age=300");
 * }</pre>
 */
public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  public HttpReply {
    headers = List.copyOf(headers);
  }

  /** A JSON body. */
  public static HttpReply json(int status, String json) {
    return new HttpReply(
        status,
        List.of(Map.entry("Content-Type", "application/json"), Map.entry("Cache-Control", "no-store")),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** An HTML page. */
  public static HttpReply html(int status, String html) {
    return new HttpReply(
        status,
        List.of(Map.entry("Content-Type", "text/html; charset=utf-8"), Map.entry("Cache-Control", "no-store")),
        html.getBytes(StandardCharsets.UTF_8));
  }

  /** A 302 redirect. */
  public static HttpReply redirect(String location) {
    return new HttpReply(
        302, List.of(Map.entry("Location", location), Map.entry("Cache-Control", "no-store")), new byte[0]);
  }

  /** This reply with one more header. */
  public HttpReply with(String name, String value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(headers);
    if (!name.equalsIgnoreCase("Set-Cookie")) {
      more.removeIf(e -> e.getKey().equalsIgnoreCase(name));
    }
    more.add(Map.entry(name, value));
    return new HttpReply(status, more, body);
  }

  /** The first value of a header. */
  public java.util.Optional<String> header(String name) {
    return headers.stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
