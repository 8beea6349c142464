package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token endpoint: {@code authorization_code} (PKCE S256 checked, codes single-use),
 * {@code refresh_token} (rotated; a replayed token revokes its family), and
 * {@code client_credentials}. Rate limited per address and per client.
 */
public final class TokenEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");
  private static final Pattern VERIFIER = AuthorizeEndpoint.PKCE_VALUE;
  private static final List<String> SINGLE =
      List.of("grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "scope", "resource");

  private final ClientAuthentication authentication;
  private final AuthStore store;
  private final TokenIssuer tokens;
  private final Scopes scopes;
  private final URI resource;
  private final RateLimiter perAddress;
  private final RateLimiter perClient;
  private final Clock clock;
  /** Codes redeemed in the last minutes (hash → refresh family), so a replay can revoke what they gave. */
  private final Map<String, Redeemed> redeemed = new ConcurrentHashMap<>();

  private record Redeemed(String family, java.time.Instant at) {}

  public TokenEndpoint(
      ClientAuthentication authentication, AuthStore store, TokenIssuer tokens, Scopes scopes, URI resource,
      RateLimiter perAddress, RateLimiter perClient, Clock clock) {
    this.authentication = authentication;
    this.store = store;
    this.tokens = tokens;
    this.scopes = scopes;
    this.resource = resource;
    this.perAddress = perAddress;
    this.perClient = perClient;
    this.clock = clock;
  }

  public HttpReply handle(HttpExchange exchange) {
    Optional<HttpReply> refused = OAuthReplies.refusedPost(exchange, perAddress);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!exchange.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return OAuthReplies.error(400, "invalid_request", "the body must be application/x-www-form-urlencoded");
    }
    if (exchange.query().keySet().stream().anyMatch(k -> k.startsWith("client_") || k.equals("code") || k.equals("refresh_token"))) {
      return OAuthReplies.error(400, "invalid_request", "parameters belong in the body, not the URL");
    }
    Optional<String> repeated = OAuthReplies.repeated(exchange, SINGLE);
    if (repeated.isPresent()) {
      return OAuthReplies.error(400, "invalid_request", "parameter '" + repeated.get() + "' is repeated");
    }
    String grant = exchange.param("grant_type").orElse("");
    if (grant.isEmpty()) {
      return OAuthReplies.error(400, "invalid_request", "grant_type is required");
    }
    if (!ClientRegistry.GRANTS.contains(grant)) {
      return OAuthReplies.error(400, "unsupported_grant_type", "supported grant types: " + ClientRegistry.GRANTS);
    }
    ClientAuthentication.Outcome auth = authentication.authenticate(exchange);
    if (auth.error() != null) {
      return auth.error();
    }
    RegisteredClient client = auth.client();
    // confidential clients spent from this budget when their secret was checked
    long wait = client.confidential() ? 0 : perClient.acquire(client.clientId());
    if (wait > 0) {
      return OAuthReplies.tooManyRequests(wait);
    }
    if (!client.grantTypes().contains(grant)) {
      return OAuthReplies.error(400, "unauthorized_client", "this client may not use the " + grant + " grant");
    }
    Optional<String> target = exchange.param("resource");
    if (target.isPresent() && !target.get().equals(resource.toString())) {
      return OAuthReplies.error(400, "invalid_target", "this server issues tokens only for " + resource);
    }
    return switch (grant) {
      case "authorization_code" -> code(exchange, client);
      case "refresh_token" -> refresh(exchange, client);
      default -> clientCredentials(exchange, client);
    };
  }

  private HttpReply code(HttpExchange exchange, RegisteredClient client) {
    String code = exchange.param("code").orElse("");
    String verifier = exchange.param("code_verifier").orElse("");
    if (code.isEmpty()) {
      return OAuthReplies.error(400, "invalid_request", "code is required");
    }
    if (verifier.isEmpty()) {
      return OAuthReplies.error(400, "invalid_request", "code_verifier is required (PKCE)");
    }
    String hash = Hashes.sha256(code);
    Optional<AuthorizationCode> taken = store.takeCode(hash);
    if (taken.isEmpty()) {
      Redeemed replayed = redeemed.remove(hash);
      if (replayed != null) {
        store.revokeFamily(replayed.family());
        LOG.warn("token: authorization code replayed by client {}; its refresh tokens are revoked", client.clientId());
      }
      return OAuthReplies.error(400, "invalid_grant", "the code is invalid, expired or already used");
    }
    AuthorizationCode c = taken.get();
    if (!c.clientId().equals(client.clientId())) {
      return OAuthReplies.error(400, "invalid_grant", "the code was issued to another client");
    }
    if (c.expiresAt().isBefore(clock.instant())) {
      return OAuthReplies.error(400, "invalid_grant", "the code has expired");
    }
    Optional<String> redirect = exchange.param("redirect_uri");
    if (redirect.isPresent() && !redirect.get().equals(c.redirectUri().toString())) {
      return OAuthReplies.error(400, "invalid_grant", "redirect_uri differs from the authorization request's");
    }
    if (!VERIFIER.matcher(verifier).matches()
        || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue().equals(c.codeChallenge())) {
      return OAuthReplies.error(400, "invalid_grant", "code_verifier does not match the code_challenge");
    }
    if (!client.grantTypes().contains("refresh_token")) {
      return OAuthReplies.ok(tokens.issue(c.subject(), client.clientId(), c.scopes(), c.resource(), null));
    }
    String family = Hashes.random(16);
    java.time.Instant now = clock.instant();
    if (redeemed.size() > 10_000) {
      redeemed.values().removeIf(r -> r.at().isBefore(now.minus(java.time.Duration.ofMinutes(10))));
    }
    Redeemed mine = new Redeemed(family, now);
    redeemed.put(hash, mine);
    Map<String, Object> body = tokens.issue(c.subject(), client.clientId(), c.scopes(), c.resource(), family);
    if (redeemed.get(hash) != mine) {
      // replayed while we issued: the replay revoked the family, perhaps before our token was saved
      store.revokeFamily(family);
      return OAuthReplies.error(400, "invalid_grant", "the code is invalid, expired or already used");
    }
    return OAuthReplies.ok(body);
  }

  private HttpReply refresh(HttpExchange exchange, RegisteredClient client) {
    String value = exchange.param("refresh_token").orElse("");
    if (value.isEmpty()) {
      return OAuthReplies.error(400, "invalid_request", "refresh_token is required");
    }
    String hash = Hashes.sha256(value);
    Optional<RefreshToken> found = store.refreshToken(hash);
    if (found.isEmpty()) {
      return OAuthReplies.error(400, "invalid_grant", "the refresh token is invalid or revoked");
    }
    RefreshToken token = found.get();
    if (!token.clientId().equals(client.clientId())) {
      return OAuthReplies.error(400, "invalid_grant", "the refresh token was issued to another client");
    }
    if (token.expiresAt().isBefore(clock.instant())) {
      return OAuthReplies.error(400, "invalid_grant", "the refresh token has expired");
    }
    if (token.used()) {
      return reused(token, client);
    }
    Set<String> granted = token.scopes();
    Optional<String> asked = exchange.param("scope");
    if (asked.isPresent() && !asked.get().isBlank()) {
      Set<String> narrower = new LinkedHashSet<>(List.of(asked.get().trim().split(" +")));
      if (!granted.containsAll(narrower)) {
        return OAuthReplies.error(400, "invalid_scope", "a refresh can only keep or narrow the granted scopes");
      }
      granted = narrower;
    }
    // The successor is saved before the old token is marked used. A request that loses the race
    // to mark it sees the mark fail only after the winner's successor exists, so its revocation
    // of the family takes that successor too; checking after the fact would leave a window.
    Map<String, Object> body = tokens.issue(token.subject(), client.clientId(), granted, token.resource(), token.familyId());
    if (!store.markUsed(hash)) {
      return reused(token, client);
    }
    return OAuthReplies.ok(body);
  }

  /** A refresh token presented after it was used (or revoked meanwhile): the whole family goes. */
  private HttpReply reused(RefreshToken token, RegisteredClient client) {
    store.revokeFamily(token.familyId());
    LOG.warn("token: refresh token reused by client {} (subject {}); the whole family is revoked",
        client.clientId(), token.subject());
    return OAuthReplies.error(400, "invalid_grant", "the refresh token was already used; sign in again");
  }

  private HttpReply clientCredentials(HttpExchange exchange, RegisteredClient client) {
    if (!client.confidential() || client.scopes().isEmpty()) {
      // only configured service clients, each limited to its listed scopes
      return OAuthReplies.error(400, "unauthorized_client", "client_credentials needs a configured service client");
    }
    Scopes.Result asked = scopes.requested(exchange.param("scope").orElse(null), client);
    if (asked.error() != null) {
      return OAuthReplies.error(400, "invalid_scope", asked.error());
    }
    List<String> granted = asked.scopes().stream().filter(s -> !s.equals(Scopes.OFFLINE)).toList();
    return OAuthReplies.ok(tokens.issue(client.clientId(), client.clientId(), granted, resource, null));
  }
}
