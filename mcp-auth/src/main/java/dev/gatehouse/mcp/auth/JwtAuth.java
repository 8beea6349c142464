package dev.gatehouse.mcp.auth;

import dev.gatehouse.mcp.spi.InvalidTokenException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.auth.internal.IssuerMetadata;
import dev.gatehouse.mcp.auth.internal.ScopeHierarchy;
import dev.gatehouse.mcp.internal.Syntax;
import dev.gatehouse.mcp.spi.Authenticator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies JWT access tokens from any OAuth 2.1 / OpenID Connect issuer (Keycloak, Auth0, Okta,
 * Entra, Scalekit, ...), with Nimbus JOSE+JWT.
 *
 * <pre>{@code
 * JwtAuth auth = JwtAuth.builder("https://auth.example.com", "https://todo.example.com/mcp")
 *     .implies("todo:write", "todo:read")
 *     .build();
 * Caller caller = auth.verify(bearerToken); // throws InvalidTokenException
 * }</pre>
 *
 * <p>Checks, none of which can be switched off: the signature (algorithm allow-list, never
 * {@code none}, HMAC only with an explicit secret), {@code iss} exactly, {@code aud} contains the
 * canonical resource URI (or a listed extra audience), {@code exp}/{@code nbf} with a clock skew,
 * and {@code typ} ({@code at+jwt} or {@code JWT} when present). Keys come from the issuer's JWKS,
 * found through RFC 8414 or OpenID discovery unless {@link Builder#jwksUri(URI)} is given; they are
 * cached, refreshed when an unknown {@code kid} arrives (rate limited), and kept serving while the
 * issuer is briefly unreachable.
 */
public final class JwtAuth implements Authenticator {

  /** The asymmetric algorithms accepted unless {@link Builder#algorithms(String...)} says otherwise. */
  public static final List<String> DEFAULT_ALGORITHMS =
      List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
          "Ed25519");

  private static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");

  private final URI issuer;
  private final URI resource;
  private final Set<String> audiences;
  private final String scopeClaim;
  private final ScopeHierarchy scopes;
  private final Map<String, List<String>> implications;
  /**
   * Guards discovery, which does network I/O. A lock, not a monitor: on Java 21 to 23 a virtual
   * thread waiting for a monitor pins its carrier, and requests waiting for a slow issuer would
   * pin them all.
   */
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  private final Builder config;
  private volatile DefaultJWTProcessor<SecurityContext> processor;
  private volatile JWKSource<SecurityContext> keySource;
  private volatile KeyIds keyIds = new KeyIds(Set.of(), 0);
  private final dev.gatehouse.mcp.auth.internal.VerifiedTokens verified;

  /** The key ids the issuer published when last looked at (at most once a second). */
  private record KeyIds(Set<String> ids, long checkedAt) {}
  private volatile long lastDiscoveryFailure;

  private JwtAuth(Builder b) {
    this.config = b;
    this.issuer = b.issuer;
    this.resource = b.resource;
    Set<String> aud = new LinkedHashSet<>();
    aud.add(b.resource.toString());
    aud.addAll(b.audiences);
    this.audiences = Set.copyOf(aud);
    this.scopeClaim = b.scopeClaim;
    this.implications = Map.copyOf(b.implications);
    this.scopes = new ScopeHierarchy(b.implications);
    this.verified =
        new dev.gatehouse.mcp.auth.internal.VerifiedTokens(
            b.verifiedTokenCache, java.time.Clock.systemUTC(), this::publishedKeyIds);
  }

  /**
   * Starts configuring verification of tokens issued by {@code issuer} for the MCP server whose
   * canonical URI is {@code resource} (exactly what clients connect to, e.g.
   * {@code https://todo.example.com/mcp}).
   */
  public static Builder builder(String issuer, String resource) {
    return new Builder(issuer, resource);
  }

  /** The issuer whose tokens are accepted. */
  public URI issuer() {
    return issuer;
  }

  /** The configured scope implications ({@code scope -> scopes it implies}). */
  public Map<String, List<String>> implications() {
    return implications;
  }

  @Override
  public List<String> missingScopes(Collection<String> required, Caller caller) {
    return scopes.missing(required, caller.scopes());
  }

  @Override
  public Caller authenticate(String bearerToken) {
    return verify(bearerToken);
  }

  @Override
  public java.util.Optional<URI> resource() {
    return java.util.Optional.of(resource);
  }

  @Override
  public List<URI> authorizationServers() {
    return List.of(issuer);
  }

  /**
   * Verifies a bearer token and returns its caller.
   *
   * @throws InvalidTokenException with the reason (for logs, never for clients)
   */
  public Caller verify(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("no token");
    }
    Caller cached = verified.get(token);
    if (cached != null) {
      return cached;
    }
    JWTClaimsSet claims;
    String keyId;
    try {
      com.nimbusds.jwt.JWT jwt = com.nimbusds.jwt.JWTParser.parse(token);
      keyId = cacheKeyId(jwt);
      claims = processor().process(jwt, null);
    } catch (java.text.ParseException e) {
      throw new InvalidTokenException("malformed token: " + e.getMessage());
    } catch (KeySourceException e) {
      throw new InvalidTokenException("signing keys unavailable: " + e.getMessage(), e);
    } catch (BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage());
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new InvalidTokenException("token could not be verified: " + e.getMessage(), e);
    }
    Caller caller = caller(claims);
    if (keyId != null) {
      verified.put(token, caller, keyId);
    }
    return caller;
  }

  /**
   * What a cached token's validity hangs on: its {@code kid} (dropped when the key leaves the
   * JWKS), {@code ""} for HMAC (the secret never changes), or null (not cached: an asymmetric
   * token without {@code kid} can't be tied to a key).
   */
  private static String cacheKeyId(com.nimbusds.jwt.JWT jwt) {
    if (!(jwt instanceof com.nimbusds.jwt.SignedJWT signed)) {
      return null;
    }
    if (HMAC.contains(signed.getHeader().getAlgorithm().getName())) {
      return "";
    }
    return signed.getHeader().getKeyID();
  }

  /** The key ids of the issuer's current JWKS, looked up at most once a second (from its cache). */
  private Set<String> publishedKeyIds() {
    KeyIds current = keyIds;
    long now = System.currentTimeMillis();
    JWKSource<SecurityContext> source = keySource;
    if (now - current.checkedAt() < config.keyCheckInterval.toMillis() || source == null) {
      return current.ids();
    }
    Set<String> ids = new java.util.HashSet<>();
    try {
      for (com.nimbusds.jose.jwk.JWK key :
          source.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null)) {
        if (key.getKeyID() != null) {
          ids.add(key.getKeyID());
        }
      }
    } catch (KeySourceException e) {
      // the issuer is unreachable: its cached keys keep serving (outage tolerance), so do these
      return current.ids();
    }
    keyIds = new KeyIds(Set.copyOf(ids), now);
    return keyIds.ids();
  }

  private Caller caller(JWTClaimsSet claims) {
    Map<String, Object> all = new LinkedHashMap<>(claims.toJSONObject());
    String clientId = firstString(all, "client_id", "azp", "cid", "appid");
    String subject = claims.getSubject() != null ? claims.getSubject() : clientId;
    Instant expires = claims.getExpirationTime().toInstant();
    all.values().removeIf(Objects::isNull);
    return new Caller(
        claims.getIssuer(),
        subject == null ? "" : subject,
        clientId == null ? "" : clientId,
        scopesOf(all),
        all,
        expires);
  }

  private Set<String> scopesOf(Map<String, Object> claims) {
    Object value = claims.get(scopeClaim);
    if (value == null && scopeClaim.equals("scope")) {
      value = claims.get("scp");
    }
    Set<String> result = new LinkedHashSet<>();
    if (value instanceof String text) {
      for (String scope : text.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          result.add(scope);
        }
      }
    } else if (value instanceof Collection<?> list) {
      list.forEach(s -> result.add(String.valueOf(s)));
    }
    return result;
  }

  private static String firstString(Map<String, Object> claims, String... names) {
    for (String name : names) {
      if (claims.get(name) instanceof String s && !s.isEmpty()) {
        return s;
      }
    }
    return null;
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws KeySourceException {
    DefaultJWTProcessor<SecurityContext> current = processor;
    if (current != null) {
      return current;
    }
    lock.lock();
    try {
      if (processor == null) {
        if (System.currentTimeMillis() - lastDiscoveryFailure < config.discoveryRetry.toMillis()) {
          throw new KeySourceException("issuer metadata unavailable (retrying shortly)");
        }
        try {
          processor = build(config);
        } catch (IOException e) {
          lastDiscoveryFailure = System.currentTimeMillis();
          throw new KeySourceException(e.getMessage(), e);
        }
      }
      return processor;
    } finally {
      lock.unlock();
    }
  }

  private DefaultJWTProcessor<SecurityContext> build(Builder b) throws IOException {
    DefaultResourceRetriever retriever =
        new DefaultResourceRetriever(
            (int) b.connectTimeout.toMillis(), (int) b.readTimeout.toMillis(), 512 * 1024);
    Set<JWSAlgorithm> asymmetric =
        b.algorithms.stream().filter(a -> !HMAC.contains(a)).map(JWSAlgorithm::parse).collect(Collectors.toSet());
    Set<JWSAlgorithm> symmetric =
        b.algorithms.stream().filter(HMAC::contains).map(JWSAlgorithm::parse).collect(Collectors.toSet());
    JWSKeySelector<SecurityContext> jwks = null;
    if (!asymmetric.isEmpty() && b.localKeys != null) {
      LocalKeys local = new LocalKeys(b.localKeys);
      keySource = local;
      jwks = new JWSVerificationKeySelector<>(asymmetric, local);
    } else if (!asymmetric.isEmpty() && (b.jwksUri != null || b.hmacSecret == null)) {
      URI jwksUri = b.jwksUri != null ? b.jwksUri : IssuerMetadata.jwksUri(b.issuer, retriever);
      JWKSource<SecurityContext> source;
      try {
        source =
            JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                .cache(b.jwksCacheTtl.toMillis(), b.readTimeout.toMillis())
                .rateLimited(b.jwksRefreshMinInterval.toMillis())
                .outageTolerant(b.jwksOutageTolerance.toMillis())
                .retrying(true)
                .build();
      } catch (MalformedURLException e) {
        throw new IOException("bad JWKS URI " + jwksUri, e);
      }
      keySource = source;
      jwks = new JWSVerificationKeySelector<>(asymmetric, source);
    }
    JWSKeySelector<SecurityContext> hmac =
        b.hmacSecret == null || symmetric.isEmpty()
            ? null
            : new JWSVerificationKeySelector<>(symmetric, new ImmutableSecret<>(b.hmacSecret));
    JWSKeySelector<SecurityContext> asymmetricKeys = jwks;
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT,
            new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"),
            null));
    processor.setJWSKeySelector(
        (header, context) -> {
          // each algorithm family has its own key source: no RSA/HMAC key confusion
          if (HMAC.contains(header.getAlgorithm().getName())) {
            return hmac == null ? List.of() : hmac.selectJWSKeys(header, context);
          }
          return asymmetricKeys == null ? List.of() : asymmetricKeys.selectJWSKeys(header, context);
        });
    long skew = b.clockSkew.toSeconds();
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audiences,
            new JWTClaimsSet.Builder().issuer(b.issuer.toString()).build(),
            Set.of("iss", "exp"),
            null) {
          @Override
          public void verify(JWTClaimsSet set, SecurityContext context)
              throws com.nimbusds.jwt.proc.BadJWTException {
            super.verify(set, context);
            // a token issued in the future is forged or from a broken clock
            if (set.getIssueTime() != null
                && set.getIssueTime().toInstant().isAfter(Instant.now().plusSeconds(skew))) {
              throw new com.nimbusds.jwt.proc.BadJWTException("JWT issued in the future (iat)");
            }
          }
        };
    claims.setMaxClockSkew((int) skew);
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }

  /** A JWKS read from a supplier in this process, parsed again only when the document changes. */
  private static final class LocalKeys implements JWKSource<SecurityContext> {
    private final java.util.function.Supplier<String> source;
    private record Parsed(String json, com.nimbusds.jose.jwk.JWKSet set) {}

    private volatile Parsed last;

    LocalKeys(java.util.function.Supplier<String> source) {
      this.source = source;
    }

    @Override
    public List<com.nimbusds.jose.jwk.JWK> get(
        com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context) throws KeySourceException {
      String json = source.get();
      Parsed parsed = last;
      if (parsed == null || !parsed.json().equals(json)) {
        try {
          parsed = new Parsed(json, com.nimbusds.jose.jwk.JWKSet.parse(json));
        } catch (java.text.ParseException e) {
          throw new KeySourceException("bad JWKS document: " + e.getMessage(), e);
        }
        last = parsed;
      }
      return selector.select(parsed.set());
    }
  }

  /** Configures a {@link JwtAuth}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final URI issuer;
    private final URI resource;
    private final List<String> problems = new ArrayList<>();
    private URI jwksUri;
    private java.util.function.Supplier<String> localKeys;
    private final List<String> audiences = new ArrayList<>();
    private List<String> algorithms = DEFAULT_ALGORITHMS;
    private byte[] hmacSecret;
    private Duration clockSkew = Duration.ofSeconds(60);
    private String scopeClaim = "scope";
    private final Map<String, List<String>> implications = new LinkedHashMap<>();
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(5);
    private Duration jwksCacheTtl = Duration.ofMinutes(15);
    private Duration jwksRefreshMinInterval = Duration.ofSeconds(30);
    private Duration jwksOutageTolerance = Duration.ofHours(6);
    private Duration discoveryRetry = Duration.ofSeconds(10);
    private int verifiedTokenCache = 10_000;
    private Duration keyCheckInterval = Duration.ofSeconds(1);

    private Builder(String issuer, String resource) {
      this.issuer = uri("issuer", issuer);
      this.resource = uri("resource", resource);
      if (this.resource != null) {
        String r = this.resource.toString();
        if (r.endsWith("/") || this.resource.getFragment() != null) {
          problems.add("resource must not end with '/' or carry a fragment: '" + r + "'");
        }
      }
      if (this.issuer != null && !Syntax.secure(this.issuer)) {
        problems.add("issuer must use https (http only for localhost): '" + issuer + "'");
      }
    }

    private URI uri(String what, String value) {
      String problem = Syntax.urlProblem(Objects.requireNonNull(value, what));
      if (problem != null) {
        problems.add(what + " " + problem + ": '" + value + "'");
        return null;
      }
      return URI.create(value);
    }

    /** Uses this JWKS URI instead of discovering it from the issuer's metadata. */
    public Builder jwksUri(String jwksUri) {
      URI uri = uri("jwksUri", jwksUri);
      if (uri != null && !Syntax.secure(uri)) {
        problems.add("jwksUri must use https (http only for localhost): '" + jwksUri + "'");
      }
      this.jwksUri = uri;
      return this;
    }

    /**
     * Takes the issuer's JWKS document from this supplier instead of over HTTP: for an
     * authorization server running in the same process (the embedded one). Every other check is
     * the same as for a remote issuer.
     */
    public Builder jwks(java.util.function.Supplier<String> jwksJson) {
      this.localKeys = Objects.requireNonNull(jwksJson, "jwksJson");
      return this;
    }

    /** Extra accepted audiences besides the resource URI (e.g. Entra's application id). */
    public Builder audiences(String... audiences) {
      this.audiences.addAll(List.of(audiences));
      return this;
    }

    /** The accepted signature algorithms, replacing {@link #DEFAULT_ALGORITHMS}. */
    public Builder algorithms(String... algorithms) {
      List<String> list = new ArrayList<>();
      for (String algorithm : algorithms) {
        if (algorithm.equalsIgnoreCase("none")) {
          problems.add("algorithm 'none' is never accepted");
        } else {
          list.add(algorithm);
        }
      }
      this.algorithms = List.copyOf(list);
      return this;
    }

    /**
     * Accepts HS256/384/512 tokens signed with this shared secret (at least 32 bytes). Only
     * HMAC tokens are checked against it, and only HMAC algorithms are added.
     */
    public Builder hmacSecret(byte[] secret) {
      if (secret == null || secret.length < 32) {
        problems.add("hmacSecret must have at least 32 bytes");
        return this;
      }
      this.hmacSecret = secret.clone();
      List<String> list = new ArrayList<>(algorithms);
      for (String hs : List.of("HS256", "HS384", "HS512")) {
        if (!list.contains(hs)) {
          list.add(hs);
        }
      }
      this.algorithms = List.copyOf(list);
      return this;
    }

    /**
     * How many verified tokens to remember (10,000 by default; 0 turns the cache off). A token
     * sent again is then not verified again: its entry lives until the token's {@code exp} and
     * is dropped as soon as the signing key leaves the issuer's JWKS. Only a hash of the token is
     * kept.
     */
    public Builder verifiedTokenCache(int maxEntries) {
      if (maxEntries < 0) {
        problems.add("verifiedTokenCache must be 0 or more");
      } else {
        this.verifiedTokenCache = maxEntries;
      }
      return this;
    }

    /** How often a cache hit looks at the issuer's current key ids (1 s; tests shorten it). */
    Builder keyCheckInterval(Duration interval) {
      this.keyCheckInterval = interval;
      return this;
    }

    /** Tolerance for {@code exp}, {@code nbf} and {@code iat}; 60 s by default, at most 5 min. */
    public Builder clockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
        problems.add("clockSkew must be between 0 and 5 minutes");
      } else {
        this.clockSkew = skew;
      }
      return this;
    }

    /** The claim holding scopes: {@code scope} (space-separated, falling back to {@code scp}). */
    public Builder scopeClaim(String claim) {
      this.scopeClaim = Objects.requireNonNull(claim, "claim");
      return this;
    }

    /** Declares that holding {@code scope} grants {@code implied} too, e.g. write ⇒ read. */
    public Builder implies(String scope, String... implied) {
      implications.computeIfAbsent(scope, s -> new ArrayList<>()).addAll(List.of(implied));
      return this;
    }

    /** Connect and read timeouts for the issuer's metadata and JWKS (5 s each by default). */
    public Builder httpTimeouts(Duration connect, Duration read) {
      this.connectTimeout = connect;
      this.readTimeout = read;
      return this;
    }

    /**
     * JWKS caching: how long keys are fresh (15 min), the least time between refreshes forced by
     * unknown {@code kid}s (30 s), and how long cached keys keep serving while the issuer is down
     * (6 h).
     */
    public Builder jwksCache(Duration ttl, Duration minRefreshInterval, Duration outageTolerance) {
      this.jwksCacheTtl = ttl;
      this.jwksRefreshMinInterval = minRefreshInterval;
      this.jwksOutageTolerance = outageTolerance;
      return this;
    }

    /**
     * Builds the verifier. Nothing is fetched yet: discovery and keys are loaded on the first
     * token, so a server can start while its issuer is down (tokens are refused until it is up).
     *
     * @throws McpException listing every configuration problem
     */
    public JwtAuth build() {
      if (algorithms.isEmpty()) {
        problems.add("at least one algorithm must be accepted");
      }
      for (String algorithm : algorithms) {
        if (HMAC.contains(algorithm) && hmacSecret == null) {
          problems.add(algorithm + " needs an explicit hmacSecret(...)");
        }
      }
      if (!problems.isEmpty()) {
        throw new McpException("JwtAuth is misconfigured:\n  - " + String.join("\n  - ", problems));
      }
      return new JwtAuth(this);
    }
  }
}
