package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.auth.JwtAuth;
import dev.gatehouse.mcp.authserver.UserAuthenticator;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import dev.gatehouse.mcp.spi.HttpEndpoints.Access;
import dev.gatehouse.mcp.spi.HttpEndpoints.Route;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started embedded authorization server: its parts wired together, and its routes. */
public final class Embedded implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");

  static final Map<String, String> PATHS =
      Map.of("authorize", "/authorize", "token", "/token", "register", "/register", "jwks", "/jwks",
          "revoke", "/revoke", "consents", "/consents");
  static final String METADATA = "/.well-known/oauth-authorization-server";
  static final String OPENID = "/.well-known/openid-configuration";

  public static final List<Route> ROUTES =
      List.of(
          new Route(METADATA, Access.CORS),
          new Route(OPENID, Access.CORS),
          new Route(PATHS.get("jwks"), Access.CORS),
          new Route(PATHS.get("token"), Access.CORS),
          new Route(PATHS.get("register"), Access.CORS),
          new Route(PATHS.get("revoke"), Access.CORS),
          new Route(PATHS.get("authorize"), Access.PAGE),
          new Route(PATHS.get("consents"), Access.PAGE));

  /** A client configured in code rather than registered at run time. */
  public record Client(
      String clientId, String secretHash, List<String> redirectUris, List<String> grantTypes, List<String> scopes) {}

  /** Everything the options say, resolved. */
  public record Settings(
      Optional<Path> dataDirectory,
      Optional<AuthStore> store,
      List<Client> clients,
      String signingAlgorithm,
      Duration keyRotation,
      Duration accessTokenLifetime,
      Duration refreshTokenLifetime,
      Duration codeLifetime,
      Duration loginSessionLifetime,
      boolean dynamicRegistration,
      boolean clientMetadataDocuments,
      boolean allowHttpClientMetadata,
      Map<String, String> scopeDescriptions,
      Map<String, List<String>> implications,
      int tokenRequestsPerMinute,
      int registrationsPerMinute) {}

  private final URI issuer;
  private final AuthStore store;
  private final SigningKeys keys;
  private final JwtAuth verifier;
  private final ServerMetadata metadata;
  private final AuthorizeEndpoint authorize;
  private final TokenEndpoint token;
  private final RegistrationEndpoint registration;
  private final RevocationEndpoint revocation;
  private final ConsentsEndpoint consents;
  private final boolean dynamicRegistration;
  private final PendingRequests pending;
  private final ScheduledExecutorService janitor;

  private Embedded(URI issuer, AuthStore store, SigningKeys keys, JwtAuth verifier, ServerMetadata metadata,
      AuthorizeEndpoint authorize, TokenEndpoint token, RegistrationEndpoint registration,
      RevocationEndpoint revocation, ConsentsEndpoint consents, boolean dynamicRegistration,
      PendingRequests pending) {
    this.issuer = issuer;
    this.store = store;
    this.keys = keys;
    this.verifier = verifier;
    this.metadata = metadata;
    this.authorize = authorize;
    this.token = token;
    this.registration = registration;
    this.revocation = revocation;
    this.consents = consents;
    this.dynamicRegistration = dynamicRegistration;
    this.pending = pending;
    this.janitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gatehouse-auth-janitor");
      t.setDaemon(true);
      return t;
    });
    janitor.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
  }

  /** Opens the store and keys, registers configured clients, and builds every endpoint. */
  public static Embedded start(
      Settings s, UserAuthenticator users, URI baseUrl, URI resource, List<String> resourceScopes, String serverName) {
    Clock clock = Clock.systemUTC();
    URI issuer = baseUrl;
    boolean secure = baseUrl.getScheme().equals("https");
    if (!dev.gatehouse.mcp.internal.Syntax.secure(baseUrl)) {
      throw new dev.gatehouse.mcp.McpException(
          "the embedded authorization server needs https (set publicUrl/GATEHOUSE_PUBLIC_URL to the https URL"
              + " clients use, e.g. behind a TLS proxy), or a loopback address for development; was " + baseUrl);
    }
    if (s.dataDirectory().isPresent()) {
      try {
        DataDirectory.create(s.dataDirectory().get());
      } catch (IOException e) {
        throw new dev.gatehouse.mcp.McpException("cannot create data directory " + s.dataDirectory().get() + ": " + e.getMessage(), e);
      }
    }
    AuthStore store =
        s.store().orElseGet(() -> s.dataDirectory().map(d -> AuthStore.h2(d.resolve("gatehouse"))).orElseGet(AuthStore::inMemory));
    Duration retire = s.accessTokenLifetime().plus(Duration.ofMinutes(5));
    SigningKeys keys =
        new SigningKeys(s.dataDirectory().map(d -> d.resolve("signing-keys.json")), s.signingAlgorithm(),
            s.keyRotation(), retire, clock);
    JwtAuth.Builder jwt = JwtAuth.builder(issuer.toString(), resource.toString()).jwks(keys::jwks);
    s.implications().forEach((scope, implied) -> jwt.implies(scope, implied.toArray(String[]::new)));
    JwtAuth verifier = jwt.build();
    List<RegisteredClient> configured = s.clients().stream()
        .map(c -> new RegisteredClient(
            c.clientId(), c.secretHash(), c.clientId(), c.redirectUris().stream().map(URI::create).toList(),
            Set.copyOf(c.grantTypes()), c.secretHash().isEmpty() ? "none" : "client_secret_basic",
            c.redirectUris().stream().allMatch(u -> u.startsWith("http://")) ? "native" : "web",
            Set.copyOf(c.scopes()), clock.instant(), "{}"))
        .toList();
    if (s.allowHttpClientMetadata()) {
      LOG.warn("authorization server: client metadata documents may be fetched over http from loopback (development only)");
    }
    Scopes scopes = new Scopes(resourceScopes);
    ClientRegistry clients =
        new ClientRegistry(store, new MetadataFetcher(s.allowHttpClientMetadata()), s.clientMetadataDocuments(),
            s.allowHttpClientMetadata(), clock, configured);
    Cookies cookies = new Cookies(secure);
    PendingRequests pending = new PendingRequests(clock, s.loginSessionLifetime());
    Pages pages = new Pages(serverName, s.scopeDescriptions());
    // one budget per client: secret checks (confidential clients) and token requests (public ones)
    RateLimiter perClient = new RateLimiter(s.tokenRequestsPerMinute(), Math.max(10, s.tokenRequestsPerMinute() / 4), clock);
    ClientAuthentication authentication = new ClientAuthentication(clients, perClient);
    TokenIssuer tokens =
        new TokenIssuer(issuer, keys, store, s.accessTokenLifetime(), s.refreshTokenLifetime(), clock);
    RateLimiter tokenLimit = new RateLimiter(s.tokenRequestsPerMinute(), Math.max(10, s.tokenRequestsPerMinute() / 4), clock);
    Embedded embedded = new Embedded(
        issuer, store, keys, verifier,
        new ServerMetadata(issuer, PATHS, scopes.supported(), s.dynamicRegistration(), s.clientMetadataDocuments(),
            s.signingAlgorithm()),
        new AuthorizeEndpoint(PATHS.get("authorize"), issuer, resource, clients, pending, pages, users, store, scopes,
            s.codeLifetime(), cookies, new RateLimiter(10, 10, clock), new RateLimiter(60, 60, clock), clock),
        new TokenEndpoint(authentication, store, tokens, scopes, resource, tokenLimit, perClient, clock),
        new RegistrationEndpoint(clients, store, new RateLimiter(s.registrationsPerMinute(), Math.max(5, s.registrationsPerMinute() / 2), clock), clock),
        new RevocationEndpoint(authentication, store, tokenLimit),
        new ConsentsEndpoint(PATHS.get("consents"), store, pending, pages, cookies),
        s.dynamicRegistration(),
        pending);
    LOG.info("authorization server: issuer {} ({}, {} signing key {})", issuer,
        s.dataDirectory().map(d -> "data in " + d.toAbsolutePath()).orElse("in memory"),
        s.signingAlgorithm(), keys.activeKeyId());
    return embedded;
  }

  public URI issuer() {
    return issuer;
  }

  public AuthStore store() {
    return store;
  }

  public JwtAuth verifier() {
    return verifier;
  }

  public void rotateKey() {
    keys.rotate();
  }

  /** Routes a request to its endpoint. */
  public HttpReply handle(HttpExchange exchange) {
    String path = exchange.path();
    if (path.equals(METADATA) || path.equals(OPENID)) {
      return exchange.method().equals("GET") ? metadata.reply() : OAuthReplies.methodNotAllowed("GET");
    }
    if (path.equals(PATHS.get("jwks"))) {
      return exchange.method().equals("GET")
          ? HttpReply.json(200, keys.jwks()).with("Cache-Control", "public, max-age=300")
          : OAuthReplies.methodNotAllowed("GET");
    }
    if (path.equals(PATHS.get("token"))) {
      return token.handle(exchange);
    }
    if (path.equals(PATHS.get("register"))) {
      return dynamicRegistration
          ? registration.handle(exchange)
          : OAuthReplies.error(404, "invalid_request", "dynamic client registration is turned off");
    }
    if (path.equals(PATHS.get("revoke"))) {
      return revocation.handle(exchange);
    }
    if (path.equals(PATHS.get("authorize"))) {
      return authorize.handle(exchange);
    }
    if (path.equals(PATHS.get("consents"))) {
      return consents.handle(exchange);
    }
    return OAuthReplies.error(404, "invalid_request", "no such endpoint");
  }

  private void purge() {
    try {
      pending.purge();
      store.purgeExpired(java.time.Instant.now());
    } catch (RuntimeException e) {
      LOG.warn("authorization server: purging expired codes and tokens failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    janitor.shutdownNow();
    store.close();
  }
}
