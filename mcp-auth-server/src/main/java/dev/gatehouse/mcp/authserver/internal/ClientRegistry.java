package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.mcp.authserver.PasswordHash;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds clients: registered ones in the store, and Client ID Metadata Documents fetched from
 * their https {@code client_id} (cached as their HTTP headers allow). Also validates client
 * metadata, for dynamic registration and for fetched documents alike.
 */
public final class ClientRegistry {

  /** The grant types a client gets when it does not say. */
  static final Set<String> DEFAULT_GRANTS = Set.of("authorization_code", "refresh_token");

  static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials");
  static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");

  private final AuthStore store;
  private final MetadataFetcher fetcher;
  private final boolean documents;
  private final boolean allowHttpLoopback;
  private final Clock clock;
  private final Map<String, Cached> documentCache = new ConcurrentHashMap<>();
  private final Map<String, Failed> failures = new ConcurrentHashMap<>();
  private final Map<String, RegisteredClient> configured;
  /** Fetches hold a request thread for seconds: at most a few at once. */
  private final java.util.concurrent.Semaphore fetching = new java.util.concurrent.Semaphore(4);

  private record Cached(RegisteredClient client, Instant freshUntil) {}

  private record Failed(String error, String message, Instant until) {}

  /** Why client metadata was refused; the message is safe to send as {@code error_description}. */
  public static final class InvalidClientMetadata extends Exception {
    private static final long serialVersionUID = 1L;
    private final String error;

    InvalidClientMetadata(String error, String message) {
      super(message, null, false, false);
      this.error = error;
    }

    /** {@code invalid_client_metadata} or {@code invalid_redirect_uri}. */
    public String error() {
      return error;
    }
  }

  /**
   * @param configured the clients configured in code: looked up first, never stored, so a client
   *     removed from the configuration is gone at the next start
   */
  public ClientRegistry(
      AuthStore store, MetadataFetcher fetcher, boolean documents, boolean allowHttpLoopback, Clock clock,
      List<RegisteredClient> configured) {
    this.configured = configured.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(RegisteredClient::clientId, c -> c));
    this.store = store;
    this.fetcher = fetcher;
    this.documents = documents;
    this.allowHttpLoopback = allowHttpLoopback;
    this.clock = clock;
  }

  /** Whether {@code clientId} names a metadata document this server would fetch. */
  public boolean isDocumentUrl(String clientId) {
    if (!documents || !(clientId.startsWith("https://") || clientId.startsWith("http://"))) {
      return false;
    }
    try {
      return MetadataFetcher.urlProblem(URI.create(clientId), allowHttpLoopback) == null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The client, from the store or its metadata document.
   *
   * @throws InvalidClientMetadata when a document cannot be fetched or is invalid
   */
  public Optional<RegisteredClient> find(String clientId) throws InvalidClientMetadata {
    if (clientId == null || clientId.isEmpty() || clientId.length() > 2048) {
      return Optional.empty();
    }
    RegisteredClient own = configured.get(clientId);
    if (own != null) {
      return Optional.of(own);
    }
    if (isDocumentUrl(clientId)) {
      return Optional.of(document(clientId));
    }
    return store.client(clientId);
  }

  private RegisteredClient document(String url) throws InvalidClientMetadata {
    Cached cached = documentCache.get(url);
    Instant now = clock.instant();
    if (cached != null && cached.freshUntil().isAfter(now)) {
      return cached.client();
    }
    Failed failed = failures.get(url);
    if (failed != null && failed.until().isAfter(now)) {
      throw new InvalidClientMetadata(failed.error(), failed.message());
    }
    try {
      RegisteredClient client = fetchDocument(url, now);
      failures.remove(url);
      return client;
    } catch (InvalidClientMetadata e) {
      // a broken or slow document is not fetched again for a minute
      if (failures.size() > 10_000) {
        failures.clear();
      }
      failures.put(url, new Failed(e.error(), e.getMessage(), now.plusSeconds(60)));
      throw e;
    }
  }

  private RegisteredClient fetchDocument(String url, Instant now) throws InvalidClientMetadata {
    MetadataFetcher.Fetched fetched;
    try {
      if (!fetching.tryAcquire(2, java.util.concurrent.TimeUnit.SECONDS)) {
        throw new InvalidClientMetadata("invalid_client", "client metadata document: too many fetches in progress");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidClientMetadata("invalid_client", "client metadata document: interrupted");
    }
    try {
      fetched = fetcher.fetch(URI.create(url));
    } catch (MetadataFetcher.FetchException e) {
      throw new InvalidClientMetadata("invalid_client", "client metadata document: " + e.getMessage());
    } finally {
      fetching.release();
    }
    Map<String, Object> json;
    try {
      json = JSONObjectUtils.parse(fetched.body());
    } catch (ParseException e) {
      throw new InvalidClientMetadata("invalid_client", "client metadata document is not a JSON object");
    }
    if (!url.equals(json.get("client_id"))) {
      throw new InvalidClientMetadata(
          "invalid_client", "client metadata document's client_id must equal its URL exactly");
    }
    for (String secret : List.of("client_secret", "client_secret_expires_at")) {
      if (json.containsKey(secret)) {
        throw new InvalidClientMetadata("invalid_client", "client metadata document must not contain " + secret);
      }
    }
    Object method = json.getOrDefault("token_endpoint_auth_method", "none");
    if (!"none".equals(method)) {
      throw new InvalidClientMetadata(
          "invalid_client", "client metadata documents must use token_endpoint_auth_method 'none'");
    }
    RegisteredClient client = selfAsserted(validate(url, "", json, now));
    if (client.grantTypes().contains("client_credentials")) {
      throw new InvalidClientMetadata("invalid_client", "client metadata documents cannot use client_credentials");
    }
    if (client.redirectUris().isEmpty()) {
      throw new InvalidClientMetadata("invalid_client", "client metadata document has no redirect_uris");
    }
    if (documentCache.size() > 10_000) {
      documentCache.clear();
    }
    documentCache.put(url, new Cached(client, now.plus(fetched.freshFor())));
    return client;
  }

  /** A client from registration metadata (RFC 7591) or a metadata document, validated. */
  public RegisteredClient validate(String clientId, String secretHash, Map<String, Object> json, Instant now)
      throws InvalidClientMetadata {
    String type = string(json, "application_type", "web");
    if (!type.equals("web") && !type.equals("native")) {
      throw new InvalidClientMetadata("invalid_client_metadata", "application_type must be 'web' or 'native'");
    }
    Set<String> grants = new LinkedHashSet<>(strings(json, "grant_types", DEFAULT_GRANTS));
    for (String grant : grants) {
      if (!GRANTS.contains(grant)) {
        throw new InvalidClientMetadata(
            "invalid_client_metadata", "unsupported grant type '" + grant + "'; supported: " + GRANTS);
      }
    }
    for (String responseType : strings(json, "response_types", List.of("code"))) {
      if (!responseType.equals("code")) {
        throw new InvalidClientMetadata("invalid_client_metadata", "only response type 'code' is supported");
      }
    }
    List<URI> redirects = new ArrayList<>();
    for (String value : strings(json, "redirect_uris", List.of())) {
      String problem = RedirectUris.problem(value, type.equals("native"));
      if (problem != null) {
        throw new InvalidClientMetadata("invalid_redirect_uri", problem);
      }
      redirects.add(URI.create(value));
    }
    if (grants.contains("authorization_code") && redirects.isEmpty()) {
      throw new InvalidClientMetadata(
          "invalid_redirect_uri", "redirect_uris is required for the authorization_code grant");
    }
    String method = string(json, "token_endpoint_auth_method", secretHash.isEmpty() ? "none" : "client_secret_basic");
    if (!AUTH_METHODS.contains(method)) {
      throw new InvalidClientMetadata(
          "invalid_client_metadata", "unsupported token_endpoint_auth_method '" + method + "'; supported: " + AUTH_METHODS);
    }
    if (grants.contains("client_credentials") && method.equals("none")) {
      throw new InvalidClientMetadata(
          "invalid_client_metadata", "client_credentials needs a confidential client (client_secret_basic or client_secret_post)");
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : string(json, "scope", "").trim().split("\\s+")) {
      if (!scope.isEmpty()) {
        scopes.add(scope);
      }
    }
    String name = string(json, "client_name", "");
    if (name.length() > 200) {
      throw new InvalidClientMetadata("invalid_client_metadata", "client_name is longer than 200 characters");
    }
    Map<String, Object> echoed = new LinkedHashMap<>();
    echoed.put("client_id", clientId);
    if (!name.isEmpty()) {
      echoed.put("client_name", name);
    }
    echoed.put("redirect_uris", redirects.stream().map(URI::toString).toList());
    echoed.put("grant_types", List.copyOf(grants));
    echoed.put("response_types", List.of("code"));
    echoed.put("token_endpoint_auth_method", method);
    echoed.put("application_type", type);
    if (!scopes.isEmpty()) {
      echoed.put("scope", String.join(" ", scopes));
    }
    for (String extra : List.of("client_uri", "logo_uri", "software_id", "software_version")) {
      if (json.get(extra) instanceof String s && s.length() <= 2048) {
        echoed.put(extra, s);
      }
    }
    return new RegisteredClient(
        clientId, secretHash, name, redirects, grants, method, type, scopes, now, JSONObjectUtils.toJSONString(echoed));
  }

  /**
   * The client without scope limits: scopes a client names about itself (registration, metadata
   * document) protect nothing, since anyone can register another; clients also ask for more on
   * step-up. Users' consent and their own limits still apply.
   */
  public static RegisteredClient selfAsserted(RegisteredClient c) {
    return new RegisteredClient(c.clientId(), c.secretHash(), c.name(), c.redirectUris(), c.grantTypes(),
        c.tokenEndpointAuthMethod(), c.applicationType(), Set.of(), c.issuedAt(), c.metadata());
  }

  /** A secret for a newly registered confidential client, and its hash. */
  public static String[] newSecret() {
    String secret = Hashes.random(32);
    return new String[] {secret, PasswordHash.ofGeneratedSecret(secret)};
  }

  private static String string(Map<String, Object> json, String name, String fallback)
      throws InvalidClientMetadata {
    Object value = json.get(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s)) {
      throw new InvalidClientMetadata("invalid_client_metadata", name + " must be a string");
    }
    return s;
  }

  private static List<String> strings(Map<String, Object> json, String name, java.util.Collection<String> fallback)
      throws InvalidClientMetadata {
    Object value = json.get(name);
    if (value == null) {
      return List.copyOf(fallback);
    }
    if (!(value instanceof List<?> list) || list.size() > 20) {
      throw new InvalidClientMetadata("invalid_client_metadata", name + " must be an array of at most 20 strings");
    }
    List<String> result = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.length() > 2048) {
        throw new InvalidClientMetadata("invalid_client_metadata", name + " must contain only strings");
      }
      result.add(s);
    }
    return result;
  }
}
