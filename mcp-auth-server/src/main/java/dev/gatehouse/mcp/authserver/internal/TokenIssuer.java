package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mints RFC 9068 access tokens (signed JWTs: {@code iss}, {@code sub}, {@code aud} = the
 * resource, {@code client_id}, {@code scope}, {@code exp}, {@code iat}, {@code jti}) and refresh
 * tokens (random, stored by hash, rotated within a family).
 */
public final class TokenIssuer {

  private final URI issuer;
  private final SigningKeys keys;
  private final AuthStore store;
  private final Duration accessTtl;
  private final Duration refreshTtl;
  private final Clock clock;

  public TokenIssuer(
      URI issuer, SigningKeys keys, AuthStore store, Duration accessTtl, Duration refreshTtl, Clock clock) {
    this.issuer = issuer;
    this.keys = keys;
    this.store = store;
    this.accessTtl = accessTtl;
    this.refreshTtl = refreshTtl;
    this.clock = clock;
  }

  /**
   * A token response body: an access token and, when {@code familyId} is given, a new refresh
   * token in that family.
   */
  public Map<String, Object> issue(
      String subject, String clientId, Collection<String> scopes, URI resource, String familyId) {
    Instant now = clock.instant();
    String scope = String.join(" ", scopes.stream().sorted().toList());
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer.toString())
            .subject(subject)
            .audience(resource.toString())
            .claim("client_id", clientId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(accessTtl)))
            .jwtID(Hashes.random(16));
    if (!scope.isEmpty()) {
      claims.claim("scope", scope);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", keys.sign(claims.build()));
    body.put("token_type", "Bearer");
    body.put("expires_in", accessTtl.toSeconds());
    body.put("scope", scope);
    if (familyId != null) {
      String refresh = Hashes.random(32);
      store.saveRefreshToken(
          new RefreshToken(
              Hashes.sha256(refresh), familyId, clientId, subject, Set.copyOf(scopes), resource, now.plus(refreshTtl), false));
      body.put("refresh_token", refresh);
    }
    return body;
  }
}
