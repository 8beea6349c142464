package dev.gatehouse.mcp.authserver.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the embedded authorization server keeps clients, consents, authorization codes and
 * refresh tokens. Two implementations ship: in memory (tests) and an H2 file database (the
 * default, in the data directory); implement it over a shared SQL database to run several nodes.
 * Every method must be safe to call from many threads; {@link #takeCode} and {@link #markUsed}
 * must be atomic.
 *
 * <pre>{@code
 * AuthStore store = AuthStore.inMemory();
 * }</pre>
 */
public interface AuthStore extends AutoCloseable {

  /** A store that forgets everything when the process ends. */
  static AuthStore inMemory() {
    return new dev.gatehouse.mcp.authserver.internal.MemoryStore();
  }

  /**
   * A store in an H2 file database at {@code file} (without the {@code .mv.db} suffix); the
   * tables are created on first use. One process at a time may open it.
   */
  static AuthStore h2(java.nio.file.Path file) {
    return dev.gatehouse.mcp.authserver.internal.JdbcStore.h2(file);
  }

  /** Inserts or replaces a client. */
  void saveClient(RegisteredClient client);

  Optional<RegisteredClient> client(String clientId);

  /** Inserts or replaces the consent of (subject, client). */
  void saveConsent(Consent consent);

  Optional<Consent> consent(String subject, String clientId);

  /** Every consent a user has given, oldest first. */
  List<Consent> consents(String subject);

  /** Forgets a consent and revokes the refresh tokens of (subject, client). */
  void revokeConsent(String subject, String clientId);

  void saveCode(AuthorizationCode code);

  /** Removes and returns a code: a second call with the same hash finds nothing. */
  Optional<AuthorizationCode> takeCode(String codeHash);

  void saveRefreshToken(RefreshToken token);

  /** A refresh token by hash, used or not. */
  Optional<RefreshToken> refreshToken(String tokenHash);

  /** Marks a token used; {@code false} when it was already used (or is unknown). */
  boolean markUsed(String tokenHash);

  /** Deletes every token of a family. */
  void revokeFamily(String familyId);

  /** Deletes expired codes and refresh tokens. */
  void purgeExpired(Instant now);

  @Override
  void close();
}
