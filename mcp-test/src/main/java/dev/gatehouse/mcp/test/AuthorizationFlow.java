package dev.gatehouse.mcp.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the OAuth 2.1 authorization code flow against an MCP server the way a client and a
 * browser would: protected-resource and authorization-server discovery, dynamic client
 * registration, PKCE, the sign-in and consent forms, the token request, and refresh. For
 * testing servers that use the embedded authorization server (or any server whose pages post
 * {@code username}/{@code password} and {@code decision=allow}).
 *
 * <pre>{@code
 * AuthorizationFlow flow = AuthorizationFlow.discover(server.url()).register("test client");
 * AuthorizationFlow.Tokens tokens = flow.login("developer", password, "todo:read");
 * TestClient client = TestClient.connect(server.url(), Map.of("Authorization", "Bearer " + tokens.accessToken()));
 * }</pre>
 */
public final class AuthorizationFlow {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI resource;
  private final JsonNode metadata;
  private final HttpClient browser;
  private String clientId;
  private String clientSecret;
  private String redirectUri = "http://127.0.0.1:65000/callback";

  /** Tokens from the token endpoint. */
  public record Tokens(String accessToken, Optional<String> refreshToken, String scope, long expiresIn) {}

  /** A non-200 answer of the token or registration endpoint. */
  public record OAuthError(int status, String error, String description) {}

  /** Thrown when an endpoint answers with an OAuth error. */
  public static final class OAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient OAuthError error;

    OAuthException(OAuthError error) {
      super(error.status() + " " + error.error() + ": " + error.description());
      this.error = error;
    }

    public OAuthError error() {
      return error;
    }
  }

  private AuthorizationFlow(URI resource, JsonNode metadata) {
    this.resource = resource;
    this.metadata = metadata;
    this.browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Reads the MCP server's protected-resource metadata and its authorization server's metadata. */
  public static AuthorizationFlow discover(URI mcpUrl) {
    URI prm = mcpUrl.resolve("/.well-known/oauth-protected-resource" + mcpUrl.getRawPath());
    JsonNode resourceMetadata = getJson(prm);
    String issuer = resourceMetadata.path("authorization_servers").path(0).asString();
    JsonNode as = getJson(URI.create(issuer + "/.well-known/oauth-authorization-server"));
    return new AuthorizationFlow(URI.create(resourceMetadata.path("resource").asString()), as);
  }

  /** The authorization server's metadata. */
  public JsonNode metadata() {
    return metadata;
  }

  /** Uses this redirect URI (must be registered); {@code http://127.0.0.1:65000/callback} by default. */
  public AuthorizationFlow redirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
    return this;
  }

  /** Uses an existing client (a pre-registered one, or a metadata document URL). */
  public AuthorizationFlow client(String clientId) {
    this.clientId = clientId;
    return this;
  }

  /** Registers a public client with dynamic client registration. */
  public AuthorizationFlow register(String clientName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_name", clientName);
    body.put("redirect_uris", List.of(redirectUri));
    body.put("token_endpoint_auth_method", "none");
    JsonNode registered = register(body);
    this.clientId = registered.path("client_id").asString();
    this.clientSecret = registered.path("client_secret").asString(null);
    return this;
  }

  /** Posts registration metadata; returns the registration response. */
  public JsonNode register(Map<String, Object> clientMetadata) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(metadata.path("registration_endpoint").asString()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(clientMetadata))).build());
    if (response.statusCode() != 201) {
      throw new OAuthException(error(response));
    }
    return JSON.readTree(response.body());
  }

  public String clientId() {
    return clientId;
  }

  /** Signs in, consents, and exchanges the code: the whole flow. */
  public Tokens login(String username, String password, String... scopes) {
    Map<String, String> answer = authorize(username, password, scopes);
    if (answer.containsKey("error")) {
      throw new OAuthException(new OAuthError(302, answer.get("error"), answer.get("error_description")));
    }
    return exchange(answer.get("code"), answer.get("verifier"));
  }

  /**
   * Runs the browser part: authorization request with PKCE and {@code resource}, sign-in form
   * (skipped when already signed in), consent form (skipped when remembered). Returns the
   * parameters the client's redirect URI received, plus {@code verifier} and {@code sent_state}.
   */
  public Map<String, String> authorize(String username, String password, String... scopes) {
    return authorize(username, password, "allow", authorizationParameters(scopes));
  }

  /** The authorization request's parameters (change them to test refusals). */
  public Map<String, String> authorizationParameters(String... scopes) {
    String verifier = random(32);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", clientId);
    params.put("redirect_uri", redirectUri);
    params.put("state", random(12));
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    params.put("resource", resource.toString());
    if (scopes.length > 0) {
      params.put("scope", String.join(" ", scopes));
    }
    params.put("verifier", verifier);
    return params;
  }

  /** The browser part with explicit parameters and consent decision ({@code allow} or {@code deny}). */
  public Map<String, String> authorize(String username, String password, String decision, Map<String, String> params) {
    Map<String, String> query = new LinkedHashMap<>(params);
    String verifier = query.remove("verifier");
    URI start = URI.create(metadata.path("authorization_endpoint").asString() + "?" + encode(query));
    HttpResponse<String> page = send(HttpRequest.newBuilder(start).GET().build());
    for (int step = 0; step < 4; step++) {
      if (page.statusCode() == 302) {
        String location = page.headers().firstValue("Location").orElseThrow();
        Map<String, String> result = new LinkedHashMap<>(decode(URI.create(location).getRawQuery()));
        result.put("verifier", verifier == null ? "" : verifier);
        result.put("sent_state", params.getOrDefault("state", ""));
        result.put("location", location);
        return result;
      }
      Matcher form = FORM.matcher(page.body());
      if (!form.find()) {
        throw new IllegalStateException("expected a form or a redirect, got " + page.statusCode() + ": " + page.body());
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher hidden = HIDDEN.matcher(form.group(2));
      while (hidden.find()) {
        fields.put(hidden.group(1), unescape(hidden.group(2)));
      }
      if ("login".equals(fields.get("action"))) {
        fields.put("username", username);
        fields.put("password", password);
      } else {
        fields.put("decision", decision);
      }
      URI action = start.resolve(unescape(form.group(1)));
      page = send(HttpRequest.newBuilder(action)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
      if (page.statusCode() != 302 && page.statusCode() != 200) {
        throw new IllegalStateException("form post answered " + page.statusCode() + ": " + page.body());
      }
    }
    throw new IllegalStateException("the authorization pages did not end in a redirect");
  }

  /** Exchanges a code (with its PKCE verifier) for tokens. */
  public Tokens exchange(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    form.put("resource", resource.toString());
    return tokens(form);
  }

  /** Exchanges a refresh token for new tokens (the old refresh token is used up). */
  public Tokens refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("resource", resource.toString());
    return tokens(form);
  }

  /** Posts a token request as this client; throws {@link OAuthException} unless 200. */
  public Tokens tokens(Map<String, String> form) {
    Map<String, String> body = new LinkedHashMap<>(form);
    body.putIfAbsent("client_id", clientId);
    if (clientSecret != null) {
      body.putIfAbsent("client_secret", clientSecret);
    }
    HttpResponse<String> response = post("token_endpoint", body);
    if (response.statusCode() != 200) {
      throw new OAuthException(error(response));
    }
    JsonNode json = JSON.readTree(response.body());
    return new Tokens(
        json.path("access_token").asString(),
        Optional.ofNullable(json.path("refresh_token").asString(null)),
        json.path("scope").asString(""),
        json.path("expires_in").asLong());
  }

  /** Posts a form to one of the server's endpoints ({@code token_endpoint}, {@code revocation_endpoint}). */
  public HttpResponse<String> post(String endpoint, Map<String, String> form) {
    return send(HttpRequest.newBuilder(URI.create(metadata.path(endpoint).asString()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
  }

  private static OAuthError error(HttpResponse<String> response) {
    try {
      JsonNode json = JSON.readTree(response.body());
      return new OAuthError(response.statusCode(), json.path("error").asString(""), json.path("error_description").asString(""));
    } catch (RuntimeException e) {
      return new OAuthError(response.statusCode(), "", response.body());
    }
  }

  private static JsonNode getJson(URI uri) {
    HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri).GET().build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(browser, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }

  static Map<String, String> decode(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  static String challenge(String verifier) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
