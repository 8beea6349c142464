package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.auth.JwtAuth;
import dev.gatehouse.mcp.authserver.internal.Embedded;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.spi.HttpEndpoints;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import dev.gatehouse.mcp.spi.InvalidTokenException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The embedded OAuth 2.1 authorization server, created by {@link Auth#embedded()}. It serves
 * RFC 8414 metadata, JWKS, the authorization endpoint with sign-in and consent pages, the token
 * endpoint (authorization code with PKCE, rotating refresh tokens, client credentials),
 * revocation, Dynamic Client Registration and Client ID Metadata Documents, on the MCP server's
 * origin; and it verifies the tokens it issued with {@link JwtAuth}, exactly as it would an
 * external issuer's.
 *
 * <pre>{@code
 * AuthorizationServer as = Auth.embedded();
 * try (McpServer server = McpServer.builder("todo", "1.0.0").tools(tools).auth(as).start()) {
 *   System.out.println("issuer: " + as.issuer().orElseThrow());
 *   as.developmentUser().ifPresent(u -> System.out.println(u.username() + " / " + u.password()));
 * }
 * }</pre>
 */
public final class AuthorizationServer implements Authenticator, HttpEndpoints {

  private final AuthServerOptions options;
  private final Optional<Users.Development> developmentUser;
  private volatile Embedded running;

  AuthorizationServer(AuthServerOptions options) {
    this.options = options;
    Optional<String> usersFile =
        dev.gatehouse.mcp.internal.Settings.fromSystem().get("GATEHOUSE_AUTH_USERS_FILE");
    if (options.users().isEmpty() && usersFile.isPresent()) {
      try {
        options.users(Users.fromFile(java.nio.file.Path.of(usersFile.get())));
      } catch (IllegalArgumentException e) {
        throw new McpException("GATEHOUSE_AUTH_USERS_FILE: " + e.getMessage(), e);
      }
    }
    this.developmentUser =
        options.users().isPresent() ? Optional.empty() : Optional.of(Users.development());
  }

  /** The issuer, once the server has started. */
  public Optional<URI> issuer() {
    Embedded r = running;
    return r == null ? Optional.empty() : Optional.of(r.issuer());
  }

  /**
   * The development user (name and one-time password) when no users were configured; empty
   * otherwise.
   */
  public Optional<Users.Development> developmentUser() {
    return developmentUser;
  }

  /** Starts signing with a new key now; tokens signed by the old one stay valid until they expire. */
  public void rotateSigningKey() {
    started().rotateKey();
  }

  /** Forgets a user's consent for a client and revokes that client's refresh tokens for the user. */
  public void revokeConsent(String subject, String clientId) {
    started().store().revokeConsent(subject, clientId);
  }

  @Override
  public java.util.OptionalInt port() {
    return options.port();
  }

  @Override
  public List<Route> routes() {
    return Embedded.ROUTES;
  }

  @Override
  public synchronized void start(URI baseUrl, URI resource, List<String> scopes, String serverName) {
    if (running != null) {
      throw new McpException("this authorization server is already serving " + running.issuer());
    }
    UserAuthenticator users = options.users().orElseGet(developmentUser::orElseThrow);
    running = Embedded.start(settings(), users, baseUrl, resource, scopes, serverName);
  }

  @Override
  public HttpReply handle(HttpExchange exchange) {
    Embedded r = running;
    if (r == null) {
      return HttpReply.json(503, "{\"error\":\"temporarily_unavailable\"}");
    }
    return r.handle(exchange);
  }

  @Override
  public synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  @Override
  public Caller authenticate(String bearerToken) {
    Embedded r = running;
    if (r == null) {
      throw new InvalidTokenException("authorization server not started");
    }
    return r.verifier().verify(bearerToken);
  }

  @Override
  public List<String> missingScopes(Collection<String> required, Caller caller) {
    return started().verifier().missingScopes(required, caller);
  }

  @Override
  public Optional<URI> resource() {
    return Optional.empty();
  }

  @Override
  public List<URI> authorizationServers() {
    return issuer().map(List::of).orElse(List.of());
  }

  private Embedded.Settings settings() {
    dev.gatehouse.mcp.internal.Settings deploy = dev.gatehouse.mcp.internal.Settings.fromSystem();
    // a training run builds an archive into an image: no keys or database may land there
    boolean training = dev.gatehouse.mcp.internal.TrainingRun.active();
    Optional<java.nio.file.Path> dir =
        options.isInMemory() || training
            ? Optional.empty()
            : Optional.of(options.dataDirectory()
                .orElseGet(() -> java.nio.file.Path.of(deploy.get("GATEHOUSE_DATA_DIR").orElse("gatehouse-data"))));
    boolean httpDocuments =
        options.allowHttpClientMetadata()
            || deploy.get("GATEHOUSE_AUTH_ALLOW_HTTP_CLIENT_METADATA").map(Boolean::parseBoolean).orElse(false);
    List<Embedded.Client> clients = options.clients();
    return new Embedded.Settings(
        dir, training ? Optional.empty() : options.store(), clients, options.signingAlgorithm(), options.keyRotation(),
        options.accessTokenLifetime(), options.refreshTokenLifetime(), options.codeLifetime(),
        options.loginSessionLifetime(), options.dynamicRegistration(), options.clientMetadataDocuments(),
        httpDocuments, options.scopeDescriptions(), options.implications(), options.tokenRequestsPerMinute(),
        options.registrationsPerMinute());
  }

  private Embedded started() {
    Embedded r = running;
    if (r == null) {
      throw new McpException("the authorization server has not started: start the MCP server first");
    }
    return r;
  }
}
