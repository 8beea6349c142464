package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.util.Map;
import java.util.Optional;

/**
 * Token revocation (RFC 7009). Revoking a refresh token revokes its whole family. Access tokens
 * are self-contained JWTs: they are accepted until they expire (minutes), so revoking one
 * answers 200 as the RFC requires but changes nothing.
 */
public final class RevocationEndpoint {

  private final ClientAuthentication authentication;
  private final AuthStore store;
  private final RateLimiter perAddress;

  public RevocationEndpoint(ClientAuthentication authentication, AuthStore store, RateLimiter perAddress) {
    this.authentication = authentication;
    this.store = store;
    this.perAddress = perAddress;
  }

  public HttpReply handle(HttpExchange exchange) {
    Optional<HttpReply> refused = OAuthReplies.refusedPost(exchange, perAddress);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (exchange.count("token") != 1) {
      return OAuthReplies.error(400, "invalid_request", "exactly one token parameter is required");
    }
    ClientAuthentication.Outcome auth = authentication.authenticate(exchange);
    if (auth.error() != null) {
      return auth.error();
    }
    String token = exchange.param("token").orElse("");
    Optional<RefreshToken> refresh = store.refreshToken(Hashes.sha256(token));
    if (refresh.isPresent() && refresh.get().clientId().equals(auth.client().clientId())) {
      store.revokeFamily(refresh.get().familyId());
    }
    return OAuthReplies.ok(Map.of());
  }
}
