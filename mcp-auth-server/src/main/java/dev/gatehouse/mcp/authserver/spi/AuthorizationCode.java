package dev.gatehouse.mcp.authserver.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * An issued authorization code, stored by the hash of its value until it is redeemed (once) or
 * expires (at most 10 minutes).
 *
 * <pre>{@code
 * Optional<AuthorizationCode> code = store.takeCode(hash); // removed atomically
 * }</pre>
 *
 * @param codeHash SHA-256 of the code, base64url
 * @param clientId the client it was issued to
 * @param subject the user who consented
 * @param redirectUri the redirect URI the code was sent to
 * @param codeChallenge the PKCE S256 challenge
 * @param scopes the granted scopes
 * @param resource the RFC 8707 resource the token will be for
 * @param expiresAt when the code stops being redeemable
 */
public record AuthorizationCode(
    String codeHash,
    String clientId,
    String subject,
    URI redirectUri,
    String codeChallenge,
    Set<String> scopes,
    URI resource,
    Instant expiresAt) {

  public AuthorizationCode {
    scopes = Set.copyOf(scopes);
  }
}
