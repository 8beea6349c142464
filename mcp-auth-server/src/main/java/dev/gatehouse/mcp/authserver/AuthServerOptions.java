package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.authserver.internal.Embedded;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the embedded authorization server, given to {@link Auth#embedded(java.util.function.Consumer)}.
 * Every setting has a safe default: a file database and keys in {@code ./gatehouse-data} (or
 * {@code GATEHOUSE_DATA_DIR}), a development user with a random password, RS256 keys rotated
 * every 30 days, 15-minute access tokens, 30-day rotating refresh tokens, dynamic registration and
 * Client ID Metadata Documents on.
 *
 * <pre>{@code
 * Auth.embedded(as -> as
 *     .dataDirectory(Path.of("/var/lib/todo"))
 *     .users(Users.builder().user("alice", aliceHash).build())
 *     .describeScope("todo:read", "See your todos")
 *     .serviceClient("nightly-report", reportSecretHash, "todo:read"))
 * }</pre>
 */
public final class AuthServerOptions {

  private Optional<Path> dataDirectory = Optional.empty();
  private boolean inMemory;
  private AuthStore store;
  private UserAuthenticator users;
  private final List<Embedded.Client> clients = new ArrayList<>();
  private String signingAlgorithm = "RS256";
  private Duration keyRotation = Duration.ofDays(30);
  private Duration accessTokenLifetime = Duration.ofMinutes(15);
  private Duration refreshTokenLifetime = Duration.ofDays(30);
  private Duration codeLifetime = Duration.ofMinutes(5);
  private Duration loginSessionLifetime = Duration.ofHours(8);
  private boolean dynamicRegistration = true;
  private boolean clientMetadataDocuments = true;
  private boolean allowHttpClientMetadata;
  private final Map<String, String> scopeDescriptions = new LinkedHashMap<>();
  private final Map<String, List<String>> implications = new LinkedHashMap<>();
  private int tokenRequestsPerMinute = 300;
  private int registrationsPerMinute = 20;
  private final List<String> problems = new ArrayList<>();
  private Integer port;

  AuthServerOptions() {}

  /** Where keys and the database live; {@code GATEHOUSE_DATA_DIR} or {@code ./gatehouse-data} by default. */
  public AuthServerOptions dataDirectory(Path directory) {
    this.dataDirectory = Optional.of(directory);
    return this;
  }

  /**
   * Serves the authorization server on a port of its own (0 for any free one) instead of the MCP
   * endpoint's origin; the issuer is then that port's origin on the same host.
   */
  public AuthServerOptions port(int port) {
    if (port < 0 || port > 65535) {
      problems.add("port must be 0-65535, was " + port);
    } else {
      this.port = port;
    }
    return this;
  }

  /** Keeps everything in memory: clients, tokens and keys are lost on restart (tests). */
  public AuthServerOptions inMemory() {
    this.inMemory = true;
    return this;
  }

  /** Keeps clients, consents, codes and refresh tokens in this store (e.g. a shared database). */
  public AuthServerOptions store(AuthStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return this;
  }

  /** Who may sign in; a development user with a printed password when not set. */
  public AuthServerOptions users(UserAuthenticator users) {
    this.users = Objects.requireNonNull(users, "users");
    return this;
  }

  /** A public client (no secret, PKCE) for the authorization code grant. */
  public AuthServerOptions publicClient(String clientId, String... redirectUris) {
    clients.add(new Embedded.Client(clientId, "", List.of(redirectUris),
        List.of("authorization_code", "refresh_token"), List.of()));
    return this;
  }

  /**
   * A confidential client for machine-to-machine calls ({@code client_credentials}), limited to
   * {@code scopes}.
   *
   * @param secretHash a {@link PasswordHash} of the client's secret
   */
  public AuthServerOptions serviceClient(String clientId, String secretHash, String... scopes) {
    if (!PasswordHash.isHash(secretHash)) {
      problems.add("service client '" + clientId + "': the secret must be a PasswordHash, not clear text");
    }
    if (scopes.length == 0) {
      problems.add("service client '" + clientId + "': list the scopes it may ask for");
    }
    clients.add(new Embedded.Client(clientId, secretHash, List.of(), List.of("client_credentials"), List.of(scopes)));
    return this;
  }

  /** RS256 (default) or ES256. */
  public AuthServerOptions signingAlgorithm(String algorithm) {
    if (!algorithm.equals("RS256") && !algorithm.equals("ES256")) {
      problems.add("signingAlgorithm must be RS256 or ES256, was '" + algorithm + "'");
    } else {
      this.signingAlgorithm = algorithm;
    }
    return this;
  }

  /** How long a signing key signs before a new one takes over (30 days). */
  public AuthServerOptions keyRotation(Duration period) {
    if (period.compareTo(Duration.ofHours(1)) < 0) {
      problems.add("keyRotation must be at least an hour");
    } else {
      this.keyRotation = period;
    }
    return this;
  }

  /** Access-token lifetime, 5 to 60 minutes (15 by default). */
  public AuthServerOptions accessTokenLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofMinutes(5)) < 0 || lifetime.compareTo(Duration.ofMinutes(60)) > 0) {
      problems.add("accessTokenLifetime must be between 5 and 60 minutes, was " + lifetime);
    } else {
      this.accessTokenLifetime = lifetime;
    }
    return this;
  }

  /** How long an unused refresh token stays valid (30 days); each use starts a new period. */
  public AuthServerOptions refreshTokenLifetime(Duration lifetime) {
    if (lifetime.compareTo(Duration.ofHours(1)) < 0) {
      problems.add("refreshTokenLifetime must be at least an hour");
    } else {
      this.refreshTokenLifetime = lifetime;
    }
    return this;
  }

  /** Authorization-code lifetime, at most 10 minutes (5 by default). */
  public AuthServerOptions codeLifetime(Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofMinutes(10)) > 0) {
      problems.add("codeLifetime must be between 0 and 10 minutes");
    } else {
      this.codeLifetime = lifetime;
    }
    return this;
  }

  /** Turns Dynamic Client Registration (RFC 7591) on or off (on). */
  public AuthServerOptions dynamicRegistration(boolean enabled) {
    this.dynamicRegistration = enabled;
    return this;
  }

  /** Turns Client ID Metadata Documents on or off (on). */
  public AuthServerOptions clientMetadataDocuments(boolean enabled) {
    this.clientMetadataDocuments = enabled;
    return this;
  }

  /**
   * Development only: also fetches client metadata documents over http from loopback
   * addresses. Off by default; logged when on. {@code GATEHOUSE_AUTH_ALLOW_HTTP_CLIENT_METADATA=true}
   * turns it on too.
   */
  public AuthServerOptions allowHttpClientMetadata(boolean allow) {
    this.allowHttpClientMetadata = allow;
    return this;
  }

  /** The text the consent page shows for a scope, e.g. "Create and complete todos". */
  public AuthServerOptions describeScope(String scope, String description) {
    scopeDescriptions.put(scope, description);
    return this;
  }

  /** Holding {@code scope} grants {@code implied} too (checked when tokens are verified). */
  public AuthServerOptions implies(String scope, String... implied) {
    implications.computeIfAbsent(scope, s -> new ArrayList<>()).addAll(List.of(implied));
    return this;
  }

  /** Requests a minute per address at the token and revocation endpoints (300), and registrations (20). */
  public AuthServerOptions rateLimits(int tokenRequestsPerMinute, int registrationsPerMinute) {
    if (tokenRequestsPerMinute < 1 || registrationsPerMinute < 1) {
      problems.add("rate limits must be positive");
    } else {
      this.tokenRequestsPerMinute = tokenRequestsPerMinute;
      this.registrationsPerMinute = registrationsPerMinute;
    }
    return this;
  }

  /** How long a person stays signed in to the authorization pages (8 hours). */
  public AuthServerOptions loginSessionLifetime(Duration lifetime) {
    this.loginSessionLifetime = Objects.requireNonNull(lifetime);
    return this;
  }

  java.util.OptionalInt port() { return port == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(port); }
  Optional<Path> dataDirectory() { return dataDirectory; }
  boolean isInMemory() { return inMemory; }
  Optional<AuthStore> store() { return Optional.ofNullable(store); }
  Optional<UserAuthenticator> users() { return Optional.ofNullable(users); }
  List<Embedded.Client> clients() { return List.copyOf(clients); }
  String signingAlgorithm() { return signingAlgorithm; }
  Duration keyRotation() { return keyRotation; }
  Duration accessTokenLifetime() { return accessTokenLifetime; }
  Duration refreshTokenLifetime() { return refreshTokenLifetime; }
  Duration codeLifetime() { return codeLifetime; }
  Duration loginSessionLifetime() { return loginSessionLifetime; }
  boolean dynamicRegistration() { return dynamicRegistration; }
  boolean clientMetadataDocuments() { return clientMetadataDocuments; }
  boolean allowHttpClientMetadata() { return allowHttpClientMetadata; }
  Map<String, String> scopeDescriptions() { return Map.copyOf(scopeDescriptions); }
  Map<String, List<String>> implications() { return Map.copyOf(implications); }
  int tokenRequestsPerMinute() { return tokenRequestsPerMinute; }
  int registrationsPerMinute() { return registrationsPerMinute; }
  List<String> problems() { return List.copyOf(problems); }
}
