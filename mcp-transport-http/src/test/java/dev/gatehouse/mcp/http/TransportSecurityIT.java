package dev.gatehouse.mcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transport's secure defaults, each against a real Jetty on a free port. */
class TransportSecurityIT {

  private static final EchoTools TOOLS = new EchoTools();
  private static McpServer server;
  private static RawHttp http;

  @BeforeAll
  static void start() {
    server =
        McpServer.builder("transport-test", "1.0")
            .tools(TOOLS)
            .http(h -> h.port(0).maxRequestBytes(64 * 1024).allowedOrigins("https://app.example.com"))
            .start();
    http = new RawHttp(server.url());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertCleanError(HttpResponse<String> response, int status, int code) {
    assertEquals(status, response.statusCode(), response.body());
    String body = response.body();
    assertTrue(body.startsWith("{\"jsonrpc\":\"2.0\""), body);
    assertTrue(body.contains("\"code\":" + code), body);
    assertFalse(body.contains("stackTrace"), body);
    assertFalse(body.contains("java."), body);
    assertFalse(body.contains("io.modelcontextprotocol"), body);
    assertTrue(body.length() < 400, "short error body: " + body);
  }

  @Test
  void malformedJsonIsAParseError() throws Exception {
    assertCleanError(http.post("{not json", Map.of()), 400, -32700);
  }

  @Test
  void nonJsonRpcMessagesAreInvalidRequests() throws Exception {
    assertCleanError(http.post("{\"hello\":1}", Map.of()), 400, -32600);
    assertCleanError(http.post("[1,2]", Map.of()), 400, -32600);
    assertCleanError(http.post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}", Map.of()), 400, -32600);
  }

  @Test
  void missingSessionIdGetsACleanErrorInsteadOfTheSdkStackTrace() throws Exception {
    HttpResponse<String> response =
        http.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", Map.of());
    assertCleanError(response, 400, -32600);
    assertTrue(response.body().contains("Session ID required"), response.body());
    assertTrue(response.body().contains("\"id\":2"), response.body());
  }

  @Test
  void unknownSessionIs404WithACleanBody() throws Exception {
    HttpResponse<String> response =
        http.rpc("no-such-session", 3, "tools/list", null);
    assertCleanError(response, 404, -32001);
  }

  @Test
  void paramsOfTheWrongShapeAreInvalidParamsInsteadOfNoAnswer() throws Exception {
    String session = http.initialize();
    HttpResponse<String> response =
        http.rpc(session, 11, "tools/call", "{\"name\":5,\"arguments\":[1]}");
    assertCleanError(response, 200, -32602);
    assertTrue(response.body().contains("params.name must be a string"), response.body());
    assertTrue(response.body().contains("\"id\":11"), response.body());
  }

  @Test
  void unknownToolsAreInvalidParamsNamingTheTool() throws Exception {
    String session = http.initialize();
    HttpResponse<String> response =
        http.rpc(session, 12, "tools/call", "{\"name\":\"nope\"}");
    assertCleanError(response, 200, -32602);
    assertTrue(response.body().contains("unknown tool 'nope'"), response.body());
  }

  @Test
  void sdkDeserializationErrorsDoNotNameJavaClasses() throws Exception {
    HttpResponse<String> response =
        http.post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":\"x\",\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}",
            Map.of());
    assertCleanError(response, 200, -32602);
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("McpSchema"), response.body());
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    assertCleanError(http.post(RawHttp.INITIALIZE, Map.of("Content-Type", "text/plain")), 415, -32600);
  }

  @Test
  void oversizedBodiesAre413() throws Exception {
    String big = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"p\":\"" + "a".repeat(70_000) + "\"}}";
    assertCleanError(http.post(big, Map.of()), 413, -32600);
  }

  @Test
  void unsupportedProtocolVersionHeaderIs400() throws Exception {
    String session = http.initialize();
    HttpResponse<String> response =
        http.post(
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}",
            Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"));
    assertCleanError(response, 400, -32600);
    HttpResponse<String> ok =
        http.post(
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}",
            Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
    assertEquals(200, ok.statusCode());
    assertTrue(ok.body().contains("\"echo\""), ok.body());
  }

  @Test
  void foreignOriginsAreRefused() throws Exception {
    assertCleanError(http.post(RawHttp.INITIALIZE, Map.of("Origin", "https://evil.example")), 403, -32000);
  }

  @Test
  void listedAndLoopbackOriginsGetCorsHeaders() throws Exception {
    for (String origin : new String[] {"https://app.example.com", "http://localhost:6274"}) {
      HttpResponse<String> response = http.post(RawHttp.INITIALIZE, Map.of("Origin", origin));
      assertEquals(200, response.statusCode(), origin);
      assertEquals(origin, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
      String exposed = response.headers().firstValue("Access-Control-Expose-Headers").orElse("");
      assertTrue(exposed.contains("Mcp-Session-Id"), exposed);
      assertTrue(exposed.contains("MCP-Protocol-Version"), exposed);
      assertTrue(exposed.contains("WWW-Authenticate"), exposed);
    }
  }

  @Test
  void preflightIsAnswered() throws Exception {
    HttpResponse<String> response =
        http.send(
            "OPTIONS",
            server.url(),
            Map.of(
                "Origin", "https://app.example.com",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, mcp-session-id"));
    assertEquals(204, response.statusCode());
    assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("DELETE"));
    assertTrue(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Mcp-Session-Id"));
  }

  @Test
  void foreignHostHeadersAre421() throws Exception {
    // java.net.http refuses to set Host, so speak HTTP/1.1 over a socket
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      String request =
          "POST /mcp HTTP/1.1\r\nHost: attacker.example\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: "
              + RawHttp.INITIALIZE.length() + "\r\nConnection: close\r\n\r\n" + RawHttp.INITIALIZE;
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 421"), answer);
      assertFalse(answer.contains("Mcp-Session-Id"), answer);
    }
  }

  @Test
  void servedRequestsKeepTheConnectionOpen() throws Exception {
    // two requests on one connection: the second is answered only if the first kept it open
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nContent-Type: application/json\r\n"
              + "Accept: application/json, text/event-stream\r\nContent-Length: " + RawHttp.INITIALIZE.length();
      String request =
          head + "\r\n\r\n" + RawHttp.INITIALIZE + head + "\r\nConnection: close\r\n\r\n" + RawHttp.INITIALIZE;
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertEquals(2, answer.split("HTTP/1.1 200", -1).length - 1, answer);
    }
  }

  @Test
  void otherMethodsAre405() throws Exception {
    HttpResponse<String> response = http.send("PUT", server.url(), Map.of());
    assertCleanError(response, 405, -32601);
  }

  @Test
  void unknownPathsAre404WithoutServerDetails() throws Exception {
    URI other = server.url().resolve("/nope");
    HttpResponse<String> response = http.send("GET", other, Map.of());
    assertEquals(404, response.statusCode());
    assertFalse(response.body().contains("Jetty"), response.body());
    assertTrue(response.headers().firstValue("Server").isEmpty());
  }

  @Test
  void healthAnswersProbesThatUseAnIpOrServiceNameAsHost() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      String request = "GET /health HTTP/1.1\r\nHost: 10.1.2.3:8080\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    }
  }

  @Test
  void healthIsUp() throws Exception {
    HttpResponse<String> response = http.send("GET", server.url().resolve("/health"), Map.of());
    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"UP\"}", response.body());
  }

  @Test
  void toolsRunOnTheRequestThreadNotAReactorPool() throws Exception {
    String session = http.initialize();
    HttpResponse<String> response =
        http.rpc(session, 6, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}");
    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("\"text\":\"hi\""), response.body());
    assertFalse(TOOLS.lastThread.contains("boundedElastic"), TOOLS.lastThread);
    assertEquals(
        Runtime.version().feature() >= 21,
        TOOLS.lastThreadVirtual,
        "tools run on virtual threads exactly when the JDK has them");
  }

  @Test
  void aGetStreamAnswersItsHeadersAtOnceNotWithItsFirstEvent() throws Exception {
    String session = http.initialize();
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<java.io.InputStream>> stream =
        client.sendAsync(
            java.net.http.HttpRequest.newBuilder(server.url())
                .header("Accept", "text/event-stream")
                .header("MCP-Protocol-Version", "2025-11-25")
                .header("Mcp-Session-Id", session)
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
    // the first keep-alive ping is 30 s away: without the flush the headers would wait for it
    java.net.http.HttpResponse<java.io.InputStream> response = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    response.body().close();
  }

  @Test
  void virtualThreadsCanBeTurnedOffForThePlatformPool() throws Exception {
    EchoTools tools = new EchoTools();
    try (McpServer platform =
        McpServer.builder("platform-threads", "1.0")
            .tools(tools)
            .http(h -> h.port(0).virtualThreads(false).maxThreads(16))
            .start()) {
      RawHttp client = new RawHttp(platform.url());
      HttpResponse<String> response =
          client.rpc(client.initialize(), 1, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}");
      assertEquals(200, response.statusCode(), response.body());
      assertFalse(tools.lastThreadVirtual, tools.lastThread);
      assertTrue(tools.lastThread.startsWith("gatehouse-http-"), tools.lastThread);
    }
  }

  @Test
  void aThreadCeilingTooSmallForJettyIsRefused() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> McpServer.builder("t", "1").http(h -> h.maxThreads(4)));
    assertTrue(e.getMessage().contains("maxThreads must be at least 8"), e.getMessage());
  }

  @Test
  void crashesAreMaskedInsideTheResult() throws Exception {
    String session = http.initialize();
    HttpResponse<String> response =
        http.rpc(session, 7, "tools/call", "{\"name\":\"crash\",\"arguments\":{}}");
    assertTrue(response.body().contains("\"isError\":true"), response.body());
    assertTrue(response.body().matches("(?s).*tool 'crash' failed \\(ref [0-9a-f]{6}\\).*"), response.body());
    assertFalse(response.body().contains("internal detail"), response.body());
  }

  @Test
  void deletedSessionsAreGone() throws Exception {
    String session = http.initialize();
    HttpResponse<String> deleted = http.send("DELETE", server.url(), Map.of("Mcp-Session-Id", session));
    assertEquals(200, deleted.statusCode());
    HttpResponse<String> after =
        http.rpc(session, 8, "tools/list", null);
    assertEquals(404, after.statusCode());
  }
}
