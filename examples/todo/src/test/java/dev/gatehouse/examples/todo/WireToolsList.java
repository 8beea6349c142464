package dev.gatehouse.examples.todo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Fetches tools/list exactly as it goes over the wire, for the golden snapshot. */
final class WireToolsList {

  private WireToolsList() {}

  static String fetch(URI url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> init =
        http.send(
            post(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"golden\",\"version\":\"1\"}}}"),
            HttpResponse.BodyHandlers.ofString());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    http.send(
        post(url, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
        HttpResponse.BodyHandlers.discarding());
    String sse =
        http.send(
                post(url, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"),
                HttpResponse.BodyHandlers.ofString())
            .body();
    return sse.lines()
        .filter(line -> line.startsWith("data: "))
        .map(line -> line.substring(6))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no SSE data in " + sse));
  }

  private static HttpRequest post(URI url, String session, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return request.build();
  }
}
