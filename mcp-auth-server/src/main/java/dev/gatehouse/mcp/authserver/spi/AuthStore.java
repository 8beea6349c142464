package dev.gatehouse.mcp.authserver.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the embedded authorization server keeps clients, consents, authorization codes and
 * refresh tokens. Three implementations ship: in memory (tests), an H2 file database (the
 * default, in the data directory) and any SQL database behind a {@link javax.sql.DataSource} (a
 * shared database, to run several nodes). Every method must be safe to call from many threads;
 * {@link #takeCode} and {@link #markUsed} must be atomic.
 *
 * <pre>{@code
 * AuthStore store = AuthStore.inMemory();
 * AuthStore shared = AuthStore.jdbc(pooledDataSource);
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

  /**
   * A store in the SQL database behind {@code dataSource}, e.g. a connection pool shared by
   * several nodes. It keeps its rows in four tables, {@code gatehouse_clients}, {@code
   * gatehouse_consents}, {@code gatehouse_auth_codes} and {@code gatehouse_refresh_tokens}, and
   * creates those that are missing (with their indexes); tables that exist are used as they are.
   * Each call borrows a connection, in auto-commit mode (the JDBC default), and gives it back.
   * Instants are kept to the millisecond.
   *
   * <p>The data source stays the caller's: {@link #close()} leaves it open, and the caller closes
   * it after the store.
   *
   * <p>The SQL is portable: VARCHAR(n), TEXT, BIGINT and BOOLEAN columns, no MERGE or other
   * upsert dialect. H2 (the only database tested) and PostgreSQL 9.5+ create the tables
   * themselves. MySQL needs them created beforehand: an index key holds at most 3072 bytes there,
   * and a {@code VARCHAR(2048)} {@code client_id} key takes 8192 in utf8mb4 (give the key columns
   * an ascii character set or fewer characters); it lacks {@code CREATE INDEX IF NOT EXISTS}; and
   * the client {@code metadata} column needs MEDIUMTEXT for 64 KB documents. Databases without
   * TEXT (Oracle, SQL Server) need the tables created beforehand too, with their own large-text
   * type.
   *
   * <pre>{@code
   * JdbcDataSource h2 = new JdbcDataSource();
   * h2.setURL("jdbc:h2:mem:auth;DB_CLOSE_DELAY=-1");
   * try (AuthStore store = AuthStore.jdbc(h2)) {
   *   store.saveConsent(new Consent("alice", "todo-app", Set.of("todo:read"), Instant.now()));
   * }
   * }</pre>
   */
  static AuthStore jdbc(javax.sql.DataSource dataSource) {
    return dev.gatehouse.mcp.authserver.internal.JdbcStore.of(dataSource);
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

  /**
   * Deletes every token of a family, including any saved before this call began: reuse detection
   * saves a rotated token first and marks its predecessor used second, and relies on this.
   */
  void revokeFamily(String familyId);

  /** Deletes expired codes and refresh tokens. */
  void purgeExpired(Instant now);

  @Override
  void close();
}
