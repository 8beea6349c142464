package dev.gatehouse.mcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.McpServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starting, stopping and the stateless mode. */
class LifecycleIT {

  @Test
  void portZeroPicksAFreePortAndUrlReportsIt() {
    try (McpServer server = McpServer.builder("t", "1").tools(new EchoTools()).http(h -> h.port(0)).start()) {
      assertNotEquals(0, server.port());
      assertEquals("http://127.0.0.1:" + server.port() + "/mcp", server.url().toString());
    }
  }

  @Test
  void gracefulShutdownLetsInFlightCallsFinish() throws Exception {
    EchoTools tools = new EchoTools();
    McpServer server =
        McpServer.builder("t", "1")
            .tools(tools)
            .http(h -> h.port(0).shutdownTimeout(Duration.ofSeconds(10)))
            .start();
    RawHttp http = new RawHttp(server.url());
    String session = http.initialize();
    CompletableFuture<HttpResponse<String>> call =
        http.rpcAsync(session, 9, "tools/call", "{\"name\":\"slow\",\"arguments\":{\"millis\":1500}}");
    assertTrue(tools.slowStarted.await(10, TimeUnit.SECONDS));
    server.close();
    HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("slept 1500"), response.body());
  }

  @Test
  void cancellationReachesTheRunningTool() throws Exception {
    EchoTools tools = new EchoTools();
    try (McpServer server = McpServer.builder("t", "1").tools(tools).http(h -> h.port(0)).start()) {
      RawHttp http = new RawHttp(server.url());
      String session = http.initialize();
      CompletableFuture<HttpResponse<String>> call =
          http.rpcAsync(session, 42, "tools/call", "{\"name\":\"untilCancelled\",\"arguments\":{}}");
      assertTrue(tools.slowStarted.await(10, TimeUnit.SECONDS));
      HttpResponse<String> cancel =
          http.post(
              "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":42,\"reason\":\"user\"}}",
              Map.of("Mcp-Session-Id", session));
      assertEquals(202, cancel.statusCode(), cancel.body());
      HttpResponse<String> response = call.get(20, TimeUnit.SECONDS);
      assertTrue(response.body().contains("noticed cancellation"), response.body());
    }
  }

  @Test
  void closedServersRefuseNewRequests() throws Exception {
    McpServer server = McpServer.builder("t", "1").tools(new EchoTools()).http(h -> h.port(0)).start();
    RawHttp http = new RawHttp(server.url());
    server.close();
    assertThrows(java.io.IOException.class, () -> http.post(RawHttp.INITIALIZE, Map.of()));
  }

  @Test
  void aBusyPortFailsStartWithAClearMessage() {
    try (McpServer first = McpServer.builder("t", "1").tools(new EchoTools()).http(h -> h.port(0)).start()) {
      McpException e =
          assertThrows(
              McpException.class,
              () -> McpServer.builder("t", "1").tools(new EchoTools()).http(h -> h.port(first.port())).start());
      assertTrue(e.getMessage().startsWith("cannot start HTTP server on 127.0.0.1:" + first.port()), e.getMessage());
    }
  }

  @Test
  void badOptionsAreReportedTogetherBeforeBinding() {
    McpException e =
        assertThrows(
            McpException.class,
            () ->
                McpServer.builder("t", "1")
                    .tools(new EchoTools())
                    .http(h -> h.port(0).path("mcp/").allowedOrigins("example.com"))
                    .start());
    assertTrue(e.getMessage().startsWith("Gatehouse cannot start: 2 problems"), e.getMessage());
    assertTrue(e.getMessage().contains("http path must start with '/'"), e.getMessage());
    assertTrue(e.getMessage().contains("allowed origin must be scheme://host[:port]"), e.getMessage());
  }

  @Test
  void statelessServersAnswerWithoutSessions() throws Exception {
    try (McpServer server =
        McpServer.builder("t", "1").tools(new EchoTools()).http(h -> h.port(0).stateless(true)).start()) {
      RawHttp http = new RawHttp(server.url());
      HttpResponse<String> init = http.post(RawHttp.INITIALIZE, Map.of());
      assertEquals(200, init.statusCode());
      assertTrue(init.headers().firstValue("Mcp-Session-Id").isEmpty());
      HttpResponse<String> call =
          http.post(
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"stateless\"}}}",
              Map.of());
      assertEquals(200, call.statusCode());
      assertTrue(call.body().contains("\"text\":\"stateless\""), call.body());
      HttpResponse<String> get = http.send("GET", server.url(), Map.of("Accept", "text/event-stream"));
      assertEquals(405, get.statusCode());
      HttpResponse<String> badInit =
          http.post(
              "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":\"x\",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
              Map.of());
      assertTrue(badInit.body().contains("\"code\":-32602"), badInit.body());
      assertTrue(badInit.body().contains("params.capabilities must be an object"), badInit.body());
      assertFalse(badInit.body().contains("Exception"), badInit.body());
    }
  }
}
