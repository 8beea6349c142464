package dev.gatehouse.mcp.authserver.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * A refresh token, stored by the hash of its value. Each use replaces it by a new token of the
 * same family; presenting a used token again revokes the whole family (reuse detection).
 *
 * <pre>{@code
 * if (!store.markUsed(hash)) store.revokeFamily(token.familyId()); // replayed
 * }</pre>
 *
 * @param tokenHash SHA-256 of the token, base64url
 * @param familyId the family: every token rotated from one authorization
 * @param clientId the client it was issued to
 * @param subject the user
 * @param scopes the granted scopes
 * @param resource the resource its access tokens are for
 * @param expiresAt when it stops working
 * @param used whether it has been exchanged already
 */
public record RefreshToken(
    String tokenHash,
    String familyId,
    String clientId,
    String subject,
    Set<String> scopes,
    URI resource,
    Instant expiresAt,
    boolean used) {

  public RefreshToken {
    scopes = Set.copyOf(scopes);
  }
}
