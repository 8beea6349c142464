package dev.gatehouse.mcp.auth;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.auth.internal.ScopeHierarchy;
import dev.gatehouse.mcp.auth.internal.VerifiedTokens;
import dev.gatehouse.mcp.internal.Syntax;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.spi.InvalidTokenException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies opaque access tokens with the authorization server's RFC 7662 introspection endpoint,
 * authenticating as a confidential client ({@code client_secret_basic}).
 *
 * <pre>{@code
 * IntrospectionAuth auth = IntrospectionAuth.builder(
 *         "https://auth.example.com/oauth2/introspect", "https://todo.example.com/mcp")
 *     .issuer("https://auth.example.com")
 *     .client("todo-server", System.getenv("INTROSPECTION_SECRET"))
 *     .build();
 * }</pre>
 *
 * <p>An active token must name the resource in {@code aud} (RFC 8707), unless
 * {@link Builder#allowMissingAudience()} is set for servers that omit it. Answers are cached by a
 * hash of the token, bounded in size, and never past the token's {@code exp}.
 */
public final class IntrospectionAuth implements Authenticator {

  private final URI endpoint;
  private final URI resource;
  private final URI issuer;
  private final ClientSecretBasic client;
  private final Set<String> audiences;
  private final boolean allowMissingAudience;
  private final Duration timeout;
  private final ScopeHierarchy scopes;
  private final VerifiedTokens cache;

  private IntrospectionAuth(Builder b) {
    this.endpoint = b.endpoint;
    this.resource = b.resource;
    this.issuer = b.issuer;
    this.client = new ClientSecretBasic(new ClientID(b.clientId), new Secret(b.clientSecret));
    Set<String> aud = new LinkedHashSet<>(b.audiences);
    aud.add(b.resource.toString());
    this.audiences = Set.copyOf(aud);
    this.allowMissingAudience = b.allowMissingAudience;
    this.timeout = b.timeout;
    this.scopes = new ScopeHierarchy(b.implications);
    this.cache = VerifiedTokens.forAtMost(b.cacheSize, b.cacheTtl, b.clock);
  }

  /** Starts configuring introspection at {@code endpoint} for the resource {@code resource}. */
  public static Builder builder(String endpoint, String resource) {
    return new Builder(endpoint, resource);
  }

  @Override
  public Caller authenticate(String bearerToken) {
    if (bearerToken == null || bearerToken.isBlank()) {
      throw new InvalidTokenException("no token");
    }
    Caller cached = cache.get(bearerToken);
    if (cached != null) {
      return cached;
    }
    Caller caller = introspect(bearerToken);
    cache.put(bearerToken, caller, null);
    return caller;
  }

  private Caller introspect(String token) {
    TokenIntrospectionSuccessResponse answer;
    try {
      HTTPRequest request =
          new TokenIntrospectionRequest(endpoint, client, new BearerAccessToken(token)).toHTTPRequest();
      request.setConnectTimeout((int) timeout.toMillis());
      request.setReadTimeout((int) timeout.toMillis());
      TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(request.send());
      if (!response.indicatesSuccess()) {
        throw new InvalidTokenException(
            "introspection refused: " + response.toErrorResponse().getErrorObject().getCode());
      }
      answer = response.toSuccessResponse();
    } catch (IOException e) {
      throw new InvalidTokenException("introspection endpoint unreachable: " + e.getMessage(), e);
    } catch (ParseException e) {
      throw new InvalidTokenException("unreadable introspection answer: " + e.getMessage(), e);
    }
    if (!answer.isActive()) {
      throw new InvalidTokenException("token is not active");
    }
    if (issuer != null && (answer.getIssuer() == null || !answer.getIssuer().getValue().equals(issuer.toString()))) {
      throw new InvalidTokenException("issuer is '" + answer.getIssuer() + "', expected '" + issuer + "'");
    }
    List<Audience> aud = answer.getAudience();
    if (aud == null || aud.isEmpty()) {
      if (!allowMissingAudience) {
        throw new InvalidTokenException("no audience in the introspection answer");
      }
    } else if (aud.stream().noneMatch(a -> audiences.contains(a.getValue()))) {
      throw new InvalidTokenException("audience " + aud + " does not include " + resource);
    }
    Instant expires = answer.getExpirationTime() == null ? Instant.MAX : answer.getExpirationTime().toInstant();
    if (expires.isBefore(Instant.now())) {
      throw new InvalidTokenException("token expired");
    }
    Map<String, Object> claims = new LinkedHashMap<>(answer.toJSONObject());
    claims.values().removeIf(Objects::isNull);
    Set<String> granted = new LinkedHashSet<>();
    if (answer.getScope() != null) {
      granted.addAll(answer.getScope().toStringList());
    }
    String clientId = answer.getClientID() == null ? "" : answer.getClientID().getValue();
    String subject = answer.getSubject() != null ? answer.getSubject().getValue() : clientId;
    return new Caller(
        answer.getIssuer() == null ? "" : answer.getIssuer().getValue(),
        subject,
        clientId,
        granted,
        claims,
        expires);
  }

  @Override
  public List<String> missingScopes(Collection<String> required, Caller caller) {
    return scopes.missing(required, caller.scopes());
  }

  @Override
  public Optional<URI> resource() {
    return Optional.of(resource);
  }

  @Override
  public List<URI> authorizationServers() {
    if (issuer != null) {
      return List.of(issuer);
    }
    return List.of(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority()));
  }

  /** Configures an {@link IntrospectionAuth}; {@link #build()} reports every problem at once. */
  public static final class Builder {
    private final List<String> problems = new ArrayList<>();
    private final URI endpoint;
    private final URI resource;
    private URI issuer;
    private String clientId;
    private String clientSecret;
    private final List<String> audiences = new ArrayList<>();
    private boolean allowMissingAudience;
    private Duration timeout = Duration.ofSeconds(5);
    private int cacheSize = 10_000;
    private Duration cacheTtl = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private final Map<String, List<String>> implications = new LinkedHashMap<>();

    private Builder(String endpoint, String resource) {
      this.endpoint = absolute("introspection endpoint", endpoint);
      if (this.endpoint != null && !Syntax.secure(this.endpoint)) {
        problems.add("the introspection endpoint gets the client secret: use https (http only for localhost): '" + endpoint + "'");
      }
      this.resource = absolute("resource", resource);
      if (this.resource != null && resource.endsWith("/")) {
        problems.add("resource must not end with '/': '" + resource + "'");
      }
    }

    private URI absolute(String what, String value) {
      if (Syntax.urlProblem(Objects.requireNonNull(value, what)) == null) {
        return URI.create(value);
      }
      problems.add(what + " must be an absolute URL: '" + value + "'");
      return null;
    }

    /** The expected {@code iss} of introspection answers, also listed in the resource metadata. */
    public Builder issuer(String issuer) {
      this.issuer = absolute("issuer", issuer);
      return this;
    }

    /** The credentials this server introspects with ({@code client_secret_basic}). */
    public Builder client(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /** Extra accepted audiences besides the resource URI. */
    public Builder audiences(String... audiences) {
      this.audiences.addAll(List.of(audiences));
      return this;
    }

    /**
     * Accepts active tokens whose introspection answer has no {@code aud}, for authorization
     * servers that don't return it; tokens that name another audience are still refused.
     */
    public Builder allowMissingAudience() {
      this.allowMissingAudience = true;
      return this;
    }

    /** Connect and read timeout for each introspection call; 5 s by default. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** At most {@code size} answers, each kept at most {@code ttl} (and never past {@code exp}). */
    public Builder cache(int size, Duration ttl) {
      this.cacheSize = size;
      this.cacheTtl = ttl;
      return this;
    }

    /** The clock the cache uses (for tests). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Declares that holding {@code scope} grants {@code implied} too. */
    public Builder implies(String scope, String... implied) {
      implications.computeIfAbsent(scope, s -> new ArrayList<>()).addAll(List.of(implied));
      return this;
    }

    public IntrospectionAuth build() {
      if (clientId == null || clientSecret == null || clientSecret.isEmpty()) {
        problems.add("client(id, secret) is required: introspection endpoints authenticate their callers");
      }
      if (cacheSize < 0 || cacheTtl.isNegative()) {
        problems.add("cache size and ttl must not be negative");
      }
      if (!problems.isEmpty()) {
        throw new McpException("IntrospectionAuth is misconfigured:\n  - " + String.join("\n  - ", problems));
      }
      return new IntrospectionAuth(this);
    }
  }
}
