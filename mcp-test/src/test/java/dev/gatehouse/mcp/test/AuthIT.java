package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.McpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OAuth resource-server gate, end to end against a real Jetty and a local issuer. */
class AuthIT {

  private static TestTokens tokens;
  private static McpServer server;
  private static String resource;
  private static String metadataUrl;

  @BeforeAll
  static void start() throws IOException {
    tokens = TestTokens.start();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    resource = "http://127.0.0.1:" + port + "/mcp";
    metadataUrl = "http://127.0.0.1:" + port + "/.well-known/oauth-protected-resource/mcp";
    int bound = port;
    server =
        McpServer.builder("notes", "1.0")
            .tools(new ScopedTools())
            .auth(tokens.auth(resource).implies("notes:admin", "notes:write").implies("notes:write", "notes:read").build())
            .http(h -> h.port(bound))
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    tokens.close();
  }

  private static HttpProbe probe() {
    return HttpProbe.of(server.url());
  }

  private static String token(String... scopes) {
    return tokens.token(resource).scopes(scopes).sign();
  }

  private static String session(String token) {
    HttpProbe.Response init = probe().bearer(token).initialize();
    assertEquals(200, init.status(), init.body());
    return init.header("Mcp-Session-Id").orElseThrow();
  }

  @Test
  void noTokenIs401WithAChallengePointingToTheMetadata() {
    HttpProbe.Response response = probe().initialize();
    assertEquals(401, response.status());
    assertEquals(
        "Bearer resource_metadata=\"" + metadataUrl + "\"", response.header("WWW-Authenticate").orElseThrow());
  }

  @Test
  void theChallengeNamesTheScopesOfTheTargetTool() {
    HttpProbe.Response response = probe().rpc(1, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(401, response.status());
    assertTrue(
        response.header("WWW-Authenticate").orElseThrow().endsWith("scope=\"notes:read notes:write\""),
        response.header("WWW-Authenticate").orElseThrow());
  }

  @Test
  void badTokensAre401InvalidTokenWithoutDetails() {
    for (String bad :
        List.of(
            "not-a-jwt",
            tokens.token(resource).expiresIn(Duration.ofMinutes(-5)).sign(),
            tokens.token(resource).audience("http://other.example/mcp").sign(),
            tokens.token(resource).audience(resource + "/").sign())) {
      HttpProbe.Response response = probe().bearer(bad).initialize();
      assertEquals(401, response.status(), bad);
      String challenge = response.header("WWW-Authenticate").orElseThrow();
      assertTrue(challenge.startsWith("Bearer error=\"invalid_token\", resource_metadata="), challenge);
      assertFalse(response.body().contains("xpired"), response.body());
    }
  }

  @Test
  void otherSchemesAreNotBearerTokens() {
    HttpProbe.Response response = probe().header("Authorization", "Basic dXNlcjpwYXNz").initialize();
    assertEquals(401, response.status());
  }

  @Test
  void tokensInTheQueryStringAreRefused() {
    HttpProbe.Response response =
        HttpProbe.of(server.url().resolve("/mcp?access_token=" + token("notes:read"))).initialize();
    assertEquals(400, response.status());
    assertEquals("Bearer error=\"invalid_request\"", response.header("WWW-Authenticate").orElseThrow());
  }

  @Test
  void protectedResourceMetadataIsServedAtBothPathsToAnyOrigin() {
    for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
      HttpProbe.Response response = probe().header("Origin", "https://inspector.example").get(path);
      assertEquals(200, response.status(), path);
      assertEquals("*", response.header("Access-Control-Allow-Origin").orElseThrow());
      assertEquals(
          "{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + tokens.issuer() + "\"],"
              + "\"scopes_supported\":[\"notes:read\",\"notes:write\",\"notes:admin\"],"
              + "\"bearer_methods_supported\":[\"header\"],\"resource_name\":\"notes\"}",
          response.body());
    }
  }

  @Test
  void aMissingScopeIs403NamingEveryScopeTheToolNeeds() {
    String reader = token("notes:read");
    HttpProbe.Response response =
        probe().bearer(reader).session(session(reader)).rpc(2, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(403, response.status(), response.body());
    assertEquals(
        "Bearer error=\"insufficient_scope\", scope=\"notes:read notes:write\", resource_metadata=\"" + metadataUrl + "\"",
        response.header("WWW-Authenticate").orElseThrow());
  }

  @Test
  void steppingUpWithABroaderTokenSucceeds() {
    String broader = token("notes:read", "notes:write");
    HttpProbe.Response response =
        probe().bearer(broader).session(session(broader)).rpc(3, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(200, response.status(), response.body());
    assertTrue(response.body().contains("test-user wrote x"), response.body());
  }

  @Test
  void scopeImplicationsAreHonoured() {
    String admin = token("notes:admin");
    HttpProbe.Response response =
        probe().bearer(admin).session(session(admin)).rpc(4, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"y\"}}");
    assertEquals(200, response.status(), response.body());
  }

  @Test
  void resourcesAndPromptsAreGatedByTheirScopes() {
    String reader = token("notes:read");
    HttpProbe session = probe().bearer(reader).session(session(reader));
    assertEquals(403, session.rpc(5, "resources/read", "{\"uri\":\"notes://secret\"}").status());
    assertEquals(200, session.rpc(6, "prompts/get", "{\"name\":\"summarize\"}").status());
  }

  @Test
  void toolsListShowsOnlyWhatTheCallerMayCall() {
    try (TestClient reader = TestClient.builder(server.url()).header("Authorization", "Bearer " + token("notes:read")).connect()) {
      assertEquals(List.of("readNotes", "whoami"), reader.toolNames());
    }
    try (TestClient writer = TestClient.builder(server.url()).header("Authorization", "Bearer " + token("notes:write")).connect()) {
      assertEquals(List.of("readNotes", "whoami", "writeNote"), writer.toolNames());
    }
  }

  @Test
  void resourceAndPromptListsShowOnlyWhatTheCallerMayRead() {
    try (TestClient reader = TestClient.builder(server.url()).header("Authorization", "Bearer " + token("notes:read")).connect()) {
      assertEquals(List.of(), reader.resourceUris());
    }
    try (TestClient admin = TestClient.builder(server.url()).header("Authorization", "Bearer " + token("notes:admin")).connect()) {
      assertEquals(List.of("notes://secret"), admin.resourceUris());
      assertEquals(
          "Summarize my notes",
          ((Content.Text) admin.getPrompt("summarize", Map.of()).messages().get(0).content()).text());
    }
    String none = token();
    HttpProbe session = probe().bearer(none).session(session(none));
    HttpProbe.Response prompts = session.rpc(10, "prompts/list", null);
    assertEquals(200, prompts.status());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":10,\"result\":{\"prompts\":[]}}", prompts.body());
  }

  @Test
  void toolsSeeTheCaller() {
    try (TestClient client = TestClient.builder(server.url()).header("Authorization", "Bearer " + token()).connect()) {
      String text = ((Content.Text) client.callTool("whoami", Map.of()).content().get(0)).text();
      assertEquals(tokens.issuer() + "#test-user@test-client", text);
    }
  }

  @Test
  void aSessionCannotBeUsedWithAnotherCallersToken() {
    String alice = tokens.token(resource).subject("alice").scopes("notes:read").sign();
    String session = session(alice);
    String bob = tokens.token(resource).subject("bob").scopes("notes:read").sign();
    HttpProbe.Response stolen = probe().bearer(bob).session(session).rpc(7, "tools/list", null);
    assertEquals(404, stolen.status(), stolen.body());
    String refreshed = tokens.token(resource).subject("alice").scopes("notes:read").sign();
    HttpProbe.Response again = probe().bearer(refreshed).session(session).rpc(8, "tools/list", null);
    assertEquals(200, again.status(), again.body());
  }

  @Test
  void sessionsTheGateNeverSawAreNotFound() {
    HttpProbe.Response response = probe().bearer(token("notes:read")).session("made-up").rpc(11, "tools/list", null);
    assertEquals(404, response.status(), response.body());
  }

  @Test
  void completionsAndSubscriptionsNeedTheTargetsScopes() {
    String reader = token("notes:read");
    HttpProbe session = probe().bearer(reader).session(session(reader));
    assertEquals(403, session.rpc(12, "resources/subscribe", "{\"uri\":\"notes://secret\"}").status());
  }

  @Test
  void onlyTheAccessTokenQueryParameterIsRefused() {
    String reader = token("notes:read");
    HttpProbe.Response response =
        HttpProbe.of(server.url().resolve("/mcp?x_access_token=1")).bearer(reader).initialize();
    assertEquals(200, response.status(), response.body());
  }

  @Test
  void theMcpNameHeaderMustMatchTheBody() {
    String writer = token("notes:write");
    HttpProbe.Response response =
        probe().bearer(writer).session(session(writer)).header("Mcp-Name", "readNotes")
            .rpc(9, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(400, response.status(), response.body());
  }

  @Test
  void theSdkClientGetsAClearErrorWithoutAToken() {
    assertThrows(RuntimeException.class, () -> TestClient.connect(server.url()).close());
  }
}
