package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.authserver.Auth;
import dev.gatehouse.mcp.authserver.AuthorizationServer;
import dev.gatehouse.mcp.authserver.PasswordHash;
import dev.gatehouse.mcp.authserver.Users;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded authorization server end to end: real Jetty, real HTTP, the sign-in pages. */
class EmbeddedAuthFlowIT {

  static final String ALICE_PASSWORD = "correct horse battery staple";
  static final String ALICE_HASH = PasswordHash.create(ALICE_PASSWORD.toCharArray());

  private static AuthorizationServer as;
  private static McpServer server;

  @BeforeAll
  static void start() {
    as = embedded(o -> o.inMemory());
    server = serve(as, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthorizationServer embedded(java.util.function.Consumer<dev.gatehouse.mcp.authserver.AuthServerOptions> more) {
    return Auth.embedded(o -> {
      o.users(Users.builder().user("alice", ALICE_HASH).user("reader", ALICE_HASH, "notes:read").build())
          .describeScope("notes:read", "read your notes")
          .serviceClient("reporter", PasswordHash.create("s3cret-s3cret".toCharArray()), "notes:read");
      more.accept(o);
    });
  }

  static McpServer serve(AuthorizationServer as, int port) {
    return McpServer.builder("notes", "1.0")
        .tools(new ScopedTools())
        .auth(as, a -> a.challengeScopes("notes:read"))
        .http(h -> h.port(port))
        .start();
  }

  private static TestClient client(String token) {
    return TestClient.builder(server.url()).header("Authorization", "Bearer " + token).connect();
  }

  @Test
  void metadataNamesTheIssuerClientsBuildItFrom() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url());
    JsonNode m = flow.metadata();
    String base = "http://127.0.0.1:" + server.port();
    assertEquals(base, m.path("issuer").asString());
    assertEquals(base, as.issuer().orElseThrow().toString());
    assertEquals(base + "/authorize", m.path("authorization_endpoint").asString());
    assertEquals("[\"S256\"]", m.path("code_challenge_methods_supported").toString());
    assertTrue(m.path("authorization_response_iss_parameter_supported").asBoolean());
    assertTrue(m.path("client_id_metadata_document_supported").asBoolean());
    assertTrue(m.path("scopes_supported").toString().contains("offline_access"));
  }

  @Test
  void aRegisteredClientSignsInConsentsAndCallsATool() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("Notes test");
    Map<String, String> answer = flow.authorize("alice", ALICE_PASSWORD, "notes:read");
    assertEquals(answer.get("sent_state"), answer.get("state"));
    assertEquals(as.issuer().orElseThrow().toString(), answer.get("iss"));
    AuthorizationFlow.Tokens tokens = flow.exchange(answer.get("code"), answer.get("verifier"));
    assertEquals("notes:read", tokens.scope());
    assertTrue(tokens.refreshToken().isPresent(), "refresh tokens are issued without offline_access");
    try (TestClient client = client(tokens.accessToken())) {
      ToolResult result = client.callTool("readNotes", Map.of());
      assertFalse(result.isError());
      assertTrue(text(result).contains("alice"), text(result));
    }
  }

  @Test
  void theAccessTokenIsAnRfc9068JwtForTheResource() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("jwt check");
    String token = flow.login("alice", ALICE_PASSWORD, "notes:read").accessToken();
    String[] parts = token.split("\\.");
    JsonMapper json = JsonMapper.builder().build();
    JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("at+jwt", header.path("typ").asString());
    assertEquals("RS256", header.path("alg").asString());
    assertEquals(server.url().toString(), claims.path("aud").asString());
    assertEquals("alice", claims.path("sub").asString());
    assertEquals(flow.clientId(), claims.path("client_id").asString());
  }

  @Test
  void stepUpAsksForConsentAgainAndKeepsTheSession() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("step-up");
    String reader = flow.login("alice", ALICE_PASSWORD, "notes:read").accessToken();
    HttpProbe.Response init = HttpProbe.of(server.url()).bearer(reader).initialize();
    String session = init.header("Mcp-Session-Id").orElseThrow();
    HttpProbe.Response denied = HttpProbe.of(server.url()).bearer(reader).session(session)
        .rpc(2, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(403, denied.status());
    assertTrue(denied.header("WWW-Authenticate").orElseThrow().contains("scope=\"notes:read notes:write\""));

    String writer = flow.login("alice", ALICE_PASSWORD, "notes:read", "notes:write").accessToken();
    HttpProbe.Response written = HttpProbe.of(server.url()).bearer(writer).session(session)
        .rpc(3, "tools/call", "{\"name\":\"writeNote\",\"arguments\":{\"text\":\"x\"}}");
    assertEquals(200, written.status(), written.body());
  }

  @Test
  void aRememberedConsentSkipsTheConsentPage() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("remembered");
    flow.login("alice", ALICE_PASSWORD, "notes:read");
    // signed in and consented: the second authorization is a straight redirect, even if denying
    Map<String, String> again = flow.authorize("alice", ALICE_PASSWORD, "deny", flow.authorizationParameters("notes:read"));
    assertTrue(again.containsKey("code"), again.toString());
  }

  @Test
  void aUserLimitedToReadingGetsOnlyReadScopes() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("limited");
    AuthorizationFlow.Tokens tokens = flow.login("reader", ALICE_PASSWORD, "notes:read", "notes:write");
    assertEquals("notes:read", tokens.scope());
  }

  @Test
  void refreshRotatesAndAReplayRevokesTheWholeFamily() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("refresh");
    AuthorizationFlow.Tokens first = flow.login("alice", ALICE_PASSWORD, "notes:read");
    AuthorizationFlow.Tokens second = flow.refresh(first.refreshToken().orElseThrow());
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertEquals("notes:read", second.scope());
    try (TestClient client = client(second.accessToken())) {
      assertFalse(client.callTool("readNotes", Map.of()).isError());
    }
    AuthorizationFlow.OAuthException replay =
        assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.refresh(first.refreshToken().orElseThrow()));
    assertEquals("invalid_grant", replay.error().error());
    AuthorizationFlow.OAuthException revoked =
        assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.refresh(second.refreshToken().orElseThrow()));
    assertEquals("invalid_grant", revoked.error().error());
  }

  @Test
  void aCodeWorksOnceAndItsReplayRevokesWhatItGave() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("code replay");
    Map<String, String> answer = flow.authorize("alice", ALICE_PASSWORD, "notes:read");
    AuthorizationFlow.Tokens tokens = flow.exchange(answer.get("code"), answer.get("verifier"));
    AuthorizationFlow.OAuthException again =
        assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.exchange(answer.get("code"), answer.get("verifier")));
    assertEquals("invalid_grant", again.error().error());
    assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.refresh(tokens.refreshToken().orElseThrow()));
  }

  @Test
  void revokingARefreshTokenEndsItsFamily() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("revoke");
    AuthorizationFlow.Tokens tokens = flow.login("alice", ALICE_PASSWORD, "notes:read");
    var response = flow.post("revocation_endpoint", Map.of("token", tokens.refreshToken().orElseThrow(), "client_id", flow.clientId()));
    assertEquals(200, response.statusCode(), response.body());
    assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.refresh(tokens.refreshToken().orElseThrow()));
  }

  @Test
  void aServiceClientGetsATokenWithClientCredentials() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).client("reporter");
    var response = flow.post("token_endpoint", Map.of("grant_type", "client_credentials", "client_id", "reporter",
        "client_secret", "s3cret-s3cret", "resource", server.url().toString()));
    assertEquals(200, response.statusCode(), response.body());
    String token = JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    assertFalse(response.body().contains("refresh_token"));
    try (TestClient client = client(token)) {
      assertTrue(text(client.callTool("whoami", Map.of())).contains("reporter"));
    }
  }

  @Test
  void tokensSignedBeforeAKeyRotationStayValid() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("rotation");
    String before = flow.login("alice", ALICE_PASSWORD, "notes:read").accessToken();
    as.rotateSigningKey();
    String after = flow.login("alice", ALICE_PASSWORD, "notes:read").accessToken();
    assertNotEquals(before.split("\\.")[0], after.split("\\.")[0], "a new kid signs new tokens");
    for (String token : new String[] {before, after}) {
      try (TestClient client = client(token)) {
        assertFalse(client.callTool("readNotes", Map.of()).isError());
      }
    }
  }

  @Test
  void aClientMetadataDocumentIdentifiesAClientWithoutRegistration() throws IOException {
    AuthorizationServer dev = embedded(o -> o.inMemory().allowHttpClientMetadata(true));
    HttpServer documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String url = "http://127.0.0.1:" + documents.getAddress().getPort() + "/client.json";
    byte[] body = ("{\"client_id\":\"" + url + "\",\"client_name\":\"Doc Client\","
        + "\"redirect_uris\":[\"http://127.0.0.1:65000/callback\"],\"token_endpoint_auth_method\":\"none\"}")
        .getBytes(StandardCharsets.UTF_8);
    documents.createContext("/client.json", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("Cache-Control", "max-age=60");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    documents.start();
    try (McpServer other = serve(dev, 0)) {
      AuthorizationFlow flow = AuthorizationFlow.discover(other.url()).client(url);
      AuthorizationFlow.Tokens tokens = flow.login("alice", ALICE_PASSWORD, "notes:read");
      assertEquals("notes:read", tokens.scope());
    } finally {
      documents.stop(0);
    }
  }

  @Test
  void theAuthorizationServerCanHaveAPortOfItsOwn() throws Exception {
    AuthorizationServer separate = embedded(o -> o.inMemory().port(0));
    try (McpServer other = serve(separate, 0)) {
      URI issuer = separate.issuer().orElseThrow();
      assertNotEquals(other.port(), issuer.getPort());
      AuthorizationFlow flow = AuthorizationFlow.discover(other.url()).register("own port");
      assertEquals(issuer.toString(), flow.metadata().path("issuer").asString());
      String token = flow.login("alice", ALICE_PASSWORD, "notes:read").accessToken();
      try (TestClient client = TestClient.builder(other.url()).header("Authorization", "Bearer " + token).connect()) {
        assertFalse(client.callTool("readNotes", Map.of()).isError());
      }
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      var onMcpPort = http.send(java.net.http.HttpRequest.newBuilder(other.url().resolve("/token")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(404, onMcpPort.statusCode(), "the MCP port no longer serves the authorization endpoints");
      var onAsPort = http.send(java.net.http.HttpRequest.newBuilder(issuer.resolve("/mcp")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(404, onAsPort.statusCode(), "the authorization server's port serves no MCP");
    }
  }

  @Test
  void clientsAndRefreshTokensSurviveARestart(@TempDir Path data) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AuthorizationFlow flow;
    AuthorizationFlow.Tokens tokens;
    try (McpServer first = serve(embedded(o -> o.dataDirectory(data)), port)) {
      flow = AuthorizationFlow.discover(first.url()).register("survivor");
      tokens = flow.login("alice", ALICE_PASSWORD, "notes:read");
    }
    assertTrue(Files.exists(data.resolve("signing-keys.json")));
    try (McpServer second = serve(embedded(o -> o.dataDirectory(data)), port)) {
      AuthorizationFlow.Tokens refreshed = flow.refresh(tokens.refreshToken().orElseThrow());
      try (TestClient client = TestClient.builder(second.url()).header("Authorization", "Bearer " + tokens.accessToken()).connect()) {
        assertFalse(client.callTool("readNotes", Map.of()).isError(), "the old access token: same keys after restart");
      }
      try (TestClient client = TestClient.builder(second.url()).header("Authorization", "Bearer " + refreshed.accessToken()).connect()) {
        assertFalse(client.callTool("readNotes", Map.of()).isError());
      }
      AuthorizationFlow again = AuthorizationFlow.discover(second.url()).client(flow.clientId());
      assertEquals("notes:read", again.login("alice", ALICE_PASSWORD, "notes:read").scope(), "the registered client is still known");
    }
  }

  static String text(ToolResult result) {
    return ((dev.gatehouse.mcp.Content.Text) result.content().get(0)).text();
  }
}
