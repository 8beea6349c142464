package dev.gatehouse.mcp.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Raw HTTP against an MCP endpoint, for asserting status codes and headers (401 challenges, 403
 * step-up, CORS) that a real MCP client hides.
 *
 * <pre>{@code
 * HttpProbe.Response r = HttpProbe.of(server.url()).initialize();
 * assertEquals(401, r.status());
 * assertTrue(r.header("WWW-Authenticate").orElseThrow().contains("resource_metadata="));
 * }</pre>
 */
public final class HttpProbe {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI url;
  private final Map<String, String> headers;

  private HttpProbe(URI url, Map<String, String> headers) {
    this.url = url;
    this.headers = Map.copyOf(headers);
  }

  /** A probe for the MCP endpoint {@code url}. */
  public static HttpProbe of(URI url) {
    return new HttpProbe(url, Map.of());
  }

  /** The same probe sending {@code Authorization: Bearer token}. */
  public HttpProbe bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  /** The same probe sending {@code Mcp-Session-Id}. */
  public HttpProbe session(String sessionId) {
    return header("Mcp-Session-Id", sessionId);
  }

  /** The same probe with one more header. */
  public HttpProbe header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpProbe(url, more);
  }

  /** Sends {@code initialize}; the session id is in {@link Response#header(String)}. */
  public Response initialize() {
    return post(
        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}");
  }

  /** Sends one JSON-RPC request; {@code params} is a JSON object, or null. */
  public Response rpc(int id, String method, String params) {
    return post(
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
            + (params == null ? "" : ",\"params\":" + params) + "}");
  }

  /** POSTs a raw body to the endpoint. */
  public Response post(String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  /** GETs another path of the same server, e.g. {@code /.well-known/oauth-protected-resource}. */
  public Response get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * An HTTP answer.
   *
   * @param status the status code
   * @param headers every header (names lower case)
   * @param body the body as text (SSE events for streamed answers)
   */
  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }
}
