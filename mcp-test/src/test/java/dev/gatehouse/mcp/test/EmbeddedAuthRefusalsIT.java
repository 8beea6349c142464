package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of the embedded authorization server answers bad input with the RFC's error, never a 500. */
class EmbeddedAuthRefusalsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static McpServer server;
  private static String base;

  @BeforeAll
  static void start() {
    server = EmbeddedAuthFlowIT.serve(EmbeddedAuthFlowIT.embedded(o -> o.inMemory().rateLimits(1000, 1000)), 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static AuthorizationFlow flow() {
    return AuthorizationFlow.discover(server.url()).register("refusals");
  }

  private static Map<String, String> authorizeWith(AuthorizationFlow flow, String name, String value) {
    Map<String, String> params = new LinkedHashMap<>(flow.authorizationParameters("notes:read"));
    if (value == null) {
      params.remove(name);
    } else {
      params.put(name, value);
    }
    return flow.authorize("alice", EmbeddedAuthFlowIT.ALICE_PASSWORD, "allow", params);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> form(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> register(String json) {
    return send(HttpRequest.newBuilder(URI.create(base + "/register"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  @Test
  void plainPkceIsRefused() {
    Map<String, String> answer = authorizeWith(flow(), "code_challenge_method", "plain");
    assertEquals("invalid_request", answer.get("error"));
    assertTrue(answer.get("error_description").contains("S256"));
    assertEquals(answer.get("sent_state"), answer.get("state"), "errors carry the state back");
    assertEquals(base, answer.get("iss"), "errors carry the issuer too (RFC 9207)");
  }

  @Test
  void aRequestWithoutPkceIsRefused() {
    assertEquals("invalid_request", authorizeWith(flow(), "code_challenge", null).get("error"));
  }

  @Test
  void aResourceThisServerDoesNotProtectIsInvalidTarget() {
    assertEquals("invalid_target", authorizeWith(flow(), "resource", "https://elsewhere.example/mcp").get("error"));
  }

  @Test
  void aMissingResourceIsRefused() {
    assertEquals("invalid_request", authorizeWith(flow(), "resource", null).get("error"));
  }

  @Test
  void anUnknownScopeIsInvalidScope() {
    assertEquals("invalid_scope", authorizeWith(flow(), "scope", "notes:read admin:everything").get("error"));
  }

  @Test
  void anotherResponseTypeIsRefused() {
    assertEquals("unsupported_response_type", authorizeWith(flow(), "response_type", "token").get("error"));
  }

  @Test
  void denyingConsentSendsAccessDenied() {
    AuthorizationFlow flow = flow();
    Map<String, String> answer =
        flow.authorize("alice", EmbeddedAuthFlowIT.ALICE_PASSWORD, "deny", flow.authorizationParameters("notes:write"));
    assertEquals("access_denied", answer.get("error"));
  }

  @Test
  void anUnregisteredRedirectUriIsNeverRedirectedTo() {
    AuthorizationFlow flow = flow();
    Map<String, String> params = new LinkedHashMap<>(flow.authorizationParameters("notes:read"));
    params.put("redirect_uri", "https://attacker.example/steal");
    params.remove("verifier");
    HttpResponse<String> page = send(HttpRequest.newBuilder(
        URI.create(base + "/authorize?" + AuthorizationFlow.encode(params))));
    assertEquals(400, page.statusCode());
    assertTrue(page.headers().firstValue("Location").isEmpty());
    assertTrue(page.body().contains("redirect URI is not registered"), page.body());
  }

  @Test
  void anUnknownClientGetsAnErrorPage() {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/authorize?client_id=nobody&response_type=code")));
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("not registered"));
  }

  @Test
  void pagesCannotBeFramedAndCarryNoScript() {
    AuthorizationFlow flow = flow();
    Map<String, String> params = new LinkedHashMap<>(flow.authorizationParameters("notes:read"));
    params.remove("verifier");
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/authorize?" + AuthorizationFlow.encode(params))));
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    assertFalse(page.body().contains("<script"));
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void aClientNameIsEscapedOnThePages() {
    AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("<img src=x onerror=alert(1)>");
    Map<String, String> params = new LinkedHashMap<>(flow.authorizationParameters("notes:read"));
    params.remove("verifier");
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/authorize?" + AuthorizationFlow.encode(params))));
    assertFalse(page.body().contains("<img"), page.body());
    assertTrue(page.body().contains("&lt;img"));
  }

  @Test
  void aFormPostedWithoutItsCsrfTokenIsRefused() {
    HttpResponse<String> page = form("/authorize", "request_id=abc&csrf=wrong&action=login&username=alice&password=x");
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("expired or was already used"));
  }

  @Test
  void aFormPostedFromAnotherOriginIsRefused() {
    HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/authorize"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", "https://attacker.example")
        .POST(HttpRequest.BodyPublishers.ofString("request_id=a&csrf=b")));
    assertEquals(403, page.statusCode());
  }

  @Test
  void aWrongPasswordShowsTheSignInPageAgain() {
    AuthorizationFlow flow = flow();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> flow.authorize("alice", "not the password", "notes:read"));
    assertTrue(e.getMessage().contains("Wrong user name or password") || e.getMessage().contains("did not end"), e.getMessage());
  }

  @Test
  void aWrongCodeVerifierIsInvalidGrant() {
    AuthorizationFlow flow = flow();
    Map<String, String> answer = flow.authorize("alice", EmbeddedAuthFlowIT.ALICE_PASSWORD, "notes:read");
    AuthorizationFlow.OAuthException e = assertThrows(AuthorizationFlow.OAuthException.class,
        () -> flow.exchange(answer.get("code"), "x".repeat(43)));
    assertEquals(400, e.error().status());
    assertEquals("invalid_grant", e.error().error());
  }

  @Test
  void aCodeFromAnotherClientIsInvalidGrant() {
    AuthorizationFlow owner = flow();
    Map<String, String> answer = owner.authorize("alice", EmbeddedAuthFlowIT.ALICE_PASSWORD, "notes:read");
    AuthorizationFlow thief = flow();
    AuthorizationFlow.OAuthException e = assertThrows(AuthorizationFlow.OAuthException.class,
        () -> thief.exchange(answer.get("code"), answer.get("verifier")));
    assertEquals("invalid_grant", e.error().error());
  }

  @Test
  void tokenRequestsWithMissingOrUnknownGrantsAreRefused() {
    assertTrue(form("/token", "client_id=x").body().contains("\"invalid_request\""));
    assertTrue(form("/token", "grant_type=password&username=a&password=b").body().contains("unsupported_grant_type"));
    HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(base + "/token"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertEquals(400, json.statusCode());
    assertEquals("no-store", json.headers().firstValue("Cache-Control").orElseThrow());
  }

  @Test
  void anUnknownClientAtTheTokenEndpointIsInvalidClient() {
    HttpResponse<String> response = form("/token", "grant_type=authorization_code&code=x&code_verifier=y&client_id=ghost");
    assertEquals(401, response.statusCode());
    assertTrue(response.body().contains("invalid_client"));
  }

  @Test
  void aMalformedBasicHeaderIsInvalidClientWithAChallenge() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic !!!not-base64")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    assertEquals(401, response.statusCode());
    assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
  }

  @Test
  void aWrongClientSecretIsInvalidClient() {
    HttpResponse<String> response = form("/token", "grant_type=client_credentials&client_id=reporter&client_secret=guess");
    assertEquals(401, response.statusCode());
  }

  @Test
  void aPublicClientCannotUseClientCredentials() {
    AuthorizationFlow flow = flow();
    HttpResponse<String> response = form("/token", "grant_type=client_credentials&client_id=" + flow.clientId());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("unauthorized_client"));
  }

  @Test
  void aRepeatedParameterIsInvalidRequest() {
    HttpResponse<String> response = form("/token", "grant_type=refresh_token&refresh_token=a&refresh_token=b&client_id=x");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("repeated"));
  }

  @Test
  void hostileRedirectUrisCannotBeRegistered() {
    for (String uri : List.of("javascript:alert(1)", "http://attacker.example/cb", "https://app.example/cb#frag",
        "https://user:pw@app.example/cb", "data:text/html,hi", "not a uri", "/relative")) {
      HttpResponse<String> response = register("{\"redirect_uris\":[\"" + uri + "\"],\"token_endpoint_auth_method\":\"none\"}");
      assertEquals(400, response.statusCode(), uri);
      assertTrue(response.body().contains("invalid_redirect_uri"), uri + ": " + response.body());
    }
  }

  @Test
  void malformedRegistrationsAreInvalidClientMetadata() {
    for (String body : List.of("not json", "[]", "{\"redirect_uris\":\"https://a.example/cb\"}",
        "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"password\"]}",
        "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}")) {
      HttpResponse<String> response = register(body);
      assertEquals(400, response.statusCode(), body);
      assertTrue(response.body().contains("invalid_client_metadata"), body + ": " + response.body());
    }
  }

  @Test
  void dynamicRegistrationCannotAskForClientCredentials() {
    HttpResponse<String> response = register(
        "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("invalid_client_metadata"));
  }

  @Test
  void aConfidentialRegistrationGetsASecretThatAuthenticatesIt() {
    HttpResponse<String> response = register("{\"redirect_uris\":[\"https://app.example/cb\"],"
        + "\"token_endpoint_auth_method\":\"client_secret_post\"}");
    assertEquals(201, response.statusCode(), response.body());
    var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
    String id = json.path("client_id").asString();
    String secret = json.path("client_secret").asString();
    assertEquals(401, form("/token", "grant_type=authorization_code&code=x&code_verifier=" + "v".repeat(43)
        + "&client_id=" + id + "&client_secret=wrong").statusCode());
    HttpResponse<String> authenticated = form("/token", "grant_type=authorization_code&code=x&code_verifier="
        + "v".repeat(43) + "&client_id=" + id + "&client_secret=" + secret);
    assertEquals(400, authenticated.statusCode());
    assertTrue(authenticated.body().contains("invalid_grant"), "authenticated, then the bogus code is refused");
  }

  @Test
  void aConsentAnswerCountsOnlyOnTheConsentPageShownToThatUser() throws Exception {
    AuthorizationFlow flow = flow();
    java.net.CookieManager cookies = new java.net.CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    Map<String, String> params = new LinkedHashMap<>(flow.authorizationParameters("notes:read", "notes:write"));
    params.remove("verifier");
    URI authorize = URI.create(base + "/authorize?" + AuthorizationFlow.encode(params));
    // the reader signs in, which gives this browser a session
    String signIn = browser.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString()).body();
    browser.send(HttpRequest.newBuilder(URI.create(base + "/authorize"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(hidden(signIn) + "&action=login&username=reader&password="
            + java.net.URLEncoder.encode(EmbeddedAuthFlowIT.ALICE_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString());
    String all = cookies.getCookieStore().getCookies().stream().map(Object::toString).reduce((a, b) -> a + "; " + b).orElseThrow();
    String browserOnly = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().contains("browser")).map(Object::toString).findFirst().orElseThrow();
    // a sign-in page (no session cookie sent), answered as if it were a consent page
    String second = send(HttpRequest.newBuilder(authorize).header("Cookie", browserOnly)).body();
    assertTrue(second.contains("name=\"password\""), second);
    HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(base + "/authorize"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", all)
        .POST(HttpRequest.BodyPublishers.ofString(hidden(second) + "&action=consent&decision=allow")));
    assertTrue(forged.headers().firstValue("Location").isEmpty(), "no code for a consent never shown");
  }

  private static String hidden(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("name=\"(request_id|csrf)\" value=\"([^\"]+)\"").matcher(page);
    StringBuilder form = new StringBuilder();
    while (m.find()) {
      form.append(form.length() == 0 ? "" : "&").append(m.group(1)).append('=').append(m.group(2));
    }
    return form.toString();
  }

  @Test
  void aRefreshTokenSentTwiceAtOnceLeavesNoWorkingFamily() throws Exception {
    AuthorizationFlow flow = flow();
    for (int round = 0; round < 5; round++) {
      String token = flow.login("alice", EmbeddedAuthFlowIT.ALICE_PASSWORD, "notes:read").refreshToken().orElseThrow();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      List<java.util.concurrent.Future<java.util.Optional<String>>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 2; i++) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            return flow.refresh(token).refreshToken();
          } catch (AuthorizationFlow.OAuthException e) {
            return java.util.Optional.<String>empty();
          }
        }));
      }
      start.countDown();
      // both answers first: checking a successor while the other request is still in flight
      // would rotate it legitimately before the replay arrives
      List<java.util.Optional<String>> successors = new java.util.ArrayList<>();
      for (var result : results) {
        successors.add(result.get());
      }
      for (java.util.Optional<String> next : successors) {
        if (next.isPresent()) {
          assertThrows(AuthorizationFlow.OAuthException.class, () -> flow.refresh(next.get()),
              "a token from a replayed family must not work");
        }
      }
      pool.shutdown();
    }
  }

  @Test
  void anOversizedBodyIs413NotAServerError() {
    HttpResponse<String> response = form("/token", "grant_type=" + "x".repeat(5 * 1024 * 1024));
    assertEquals(413, response.statusCode());
  }

  @Test
  void registrationIsRateLimitedPerAddress() {
    int limited = 0;
    try (McpServer strict = EmbeddedAuthFlowIT.serve(EmbeddedAuthFlowIT.embedded(o -> o.inMemory().rateLimits(300, 2)), 0)) {
      for (int i = 0; i < 12; i++) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port() + "/register"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"redirect_uris\":[\"http://127.0.0.1:9/cb\"],\"token_endpoint_auth_method\":\"none\"}")));
      if (response.statusCode() == 429) {
        limited++;
          assertTrue(response.headers().firstValue("Retry-After").isPresent());
        }
      }
    }
    assertTrue(limited > 0, "expected 429 after the burst");
  }

  @Test
  void wrongMethodsAre405() {
    assertEquals(405, send(HttpRequest.newBuilder(URI.create(base + "/token"))).statusCode());
    assertEquals(405, send(HttpRequest.newBuilder(URI.create(base + "/jwks")).DELETE()).statusCode());
  }

  @Test
  void browsersGetOneCorsHeaderOnTheMetadata() {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
        .header("Origin", "http://localhost:6274"));
    assertEquals(List.of("*"), response.headers().allValues("Access-Control-Allow-Origin"));
  }

  @Test
  void plainHttpOnANonLoopbackAddressIsRefusedAtStart() {
    dev.gatehouse.mcp.McpException e = assertThrows(dev.gatehouse.mcp.McpException.class,
        () -> McpServer.builder("open", "1.0").tools(new ScopedTools())
            .auth(EmbeddedAuthFlowIT.embedded(o -> o.inMemory()))
            .http(h -> h.host("0.0.0.0").port(0)).start().close());
    assertTrue(e.getMessage().contains("needs https"), e.getMessage());
  }
}
