package dev.gatehouse.mcp.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A plain HTTP client for the transport tests: every header under the test's control. */
final class RawHttp {

  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI url;

  RawHttp(URI url) {
    this.url = url;
  }

  HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (!headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    if (!headers.containsKey("Accept")) {
      request.header("Accept", "application/json, text/event-stream");
    }
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON-RPC request in a session: {@code params} is a JSON object literal, or null. */
  HttpResponse<String> rpc(String session, int id, String method, String params)
      throws IOException, InterruptedException {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
            + (params == null ? "" : ",\"params\":" + params) + "}";
    return post(body, Map.of("Mcp-Session-Id", session));
  }

  /** The same request on another thread, for calls that must overlap with something else. */
  CompletableFuture<HttpResponse<String>> rpcAsync(String session, int id, String method, String params) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return rpc(session, id, method, params);
          } catch (IOException | InterruptedException e) {
            throw new CompletionException(e);
          }
        });
  }

  HttpResponse<String> send(String method, URI target, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(20))
            .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Initializes a session and returns its id. */
  String initialize() throws IOException, InterruptedException {
    HttpResponse<String> response = post(INITIALIZE, Map.of());
    if (response.statusCode() != 200) {
      throw new AssertionError("initialize failed: " + response.statusCode() + " " + response.body());
    }
    String session = response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", Map.of("Mcp-Session-Id", session));
    return session;
  }
}
