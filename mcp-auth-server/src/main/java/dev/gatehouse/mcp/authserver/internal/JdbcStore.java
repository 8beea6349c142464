package dev.gatehouse.mcp.authserver.internal;

import static dev.gatehouse.mcp.authserver.internal.JdbcStatements.all;
import static dev.gatehouse.mcp.authserver.internal.JdbcStatements.first;
import static dev.gatehouse.mcp.authserver.internal.JdbcStatements.update;
import static dev.gatehouse.mcp.authserver.internal.SqlSchema.CLIENTS;
import static dev.gatehouse.mcp.authserver.internal.SqlSchema.CODES;
import static dev.gatehouse.mcp.authserver.internal.SqlSchema.CONSENTS;
import static dev.gatehouse.mcp.authserver.internal.SqlSchema.TOKENS;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.lines;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.millis;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.string;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.words;

import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;

/**
 * An {@link AuthStore} over plain JDBC: an embedded H2 file database by default, or any SQL
 * database behind a {@link DataSource}. Each call borrows a connection and gives it back; calls
 * that touch several rows run in one transaction. The {@code gatehouse_*} tables of
 * {@link SqlSchema} are created when missing. Instants are kept to the millisecond, as epoch
 * milliseconds.
 *
 * <pre>{@code
 * AuthStore store = JdbcStore.h2(Path.of("data/auth"));   // data/auth.mv.db
 * AuthStore shared = JdbcStore.of(pooledDataSource);      // tables in a shared database
 * }</pre>
 */
public final class JdbcStore implements AuthStore {

  private final DataSource dataSource;
  private final AutoCloseable keepAlive;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  private JdbcStore(DataSource dataSource, AutoCloseable keepAlive) {
    this.dataSource = dataSource;
    this.keepAlive = keepAlive;
  }

  /**
   * Opens (or creates) the H2 database {@code file.mv.db}. Missing parent directories are created
   * owner-only, and so is a new database file, where the file system has POSIX permissions. One
   * connection stays open until {@link #close()}, keeping the database (and its file lock) open.
   */
  public static JdbcStore h2(Path file) {
    H2File h2 = H2File.of(file);
    h2.createOwnerOnly();
    DataSource dataSource = h2.dataSource();
    Connection keepAlive;
    try {
      keepAlive = dataSource.getConnection();
    } catch (SQLException e) {
      throw new McpException(
          "cannot open the auth store at " + h2.base() + ": " + e.getMessage(), e);
    }
    return open(dataSource, keepAlive);
  }

  /**
   * A store in the database behind {@code dataSource}, creating the tables if they are missing.
   * The data source stays the caller's: {@link #close()} leaves it open.
   */
  public static JdbcStore of(DataSource dataSource) {
    return open(Objects.requireNonNull(dataSource, "dataSource"), () -> {});
  }

  private static JdbcStore open(DataSource dataSource, AutoCloseable keepAlive) {
    JdbcStore store = new JdbcStore(dataSource, keepAlive);
    try {
      store.call(
          "create the tables",
          c -> {
            SqlSchema.create(c);
            return null;
          });
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  @Override
  public void saveClient(RegisteredClient client) {
    call(
        "save a client",
        c ->
            CLIENTS.upsert(
                c,
                client.clientId(),
                client.secretHash(),
                client.name(),
                lines(client.redirectUris()),
                words(client.grantTypes()),
                client.tokenEndpointAuthMethod(),
                client.applicationType(),
                words(client.scopes()),
                millis(client.issuedAt()),
                client.metadata()));
  }

  @Override
  public Optional<RegisteredClient> client(String clientId) {
    return call(
        "load a client",
        c -> first(c, CLIENTS.select("client_id = ?"), JdbcRows::client, clientId));
  }

  @Override
  public void saveConsent(Consent consent) {
    call(
        "save a consent",
        c ->
            CONSENTS.upsert(
                c,
                consent.subject(),
                consent.clientId(),
                words(consent.scopes()),
                millis(consent.grantedAt())));
  }

  @Override
  public Optional<Consent> consent(String subject, String clientId) {
    String where = "subject = ? AND client_id = ?";
    return call(
        "load a consent",
        c -> first(c, CONSENTS.select(where), JdbcRows::consent, subject, clientId));
  }

  @Override
  public List<Consent> consents(String subject) {
    String where = "subject = ? ORDER BY granted_at, client_id";
    return call("list consents", c -> all(c, CONSENTS.select(where), JdbcRows::consent, subject));
  }

  @Override
  public void revokeConsent(String subject, String clientId) {
    String grant = "subject = ? AND client_id = ?";
    transaction(
        "revoke a consent",
        c -> {
          update(c, CONSENTS.delete(grant), subject, clientId);
          return update(c, TOKENS.delete(grant), subject, clientId);
        });
  }

  @Override
  public void saveCode(AuthorizationCode code) {
    call(
        "save an authorization code",
        c ->
            CODES.upsert(
                c,
                code.codeHash(),
                code.clientId(),
                code.subject(),
                string(code.redirectUri()),
                code.codeChallenge(),
                words(code.scopes()),
                string(code.resource()),
                millis(code.expiresAt())));
  }

  @Override
  public Optional<AuthorizationCode> takeCode(String codeHash) {
    return transaction(
        "take an authorization code",
        c -> {
          Optional<AuthorizationCode> code =
              first(c, CODES.select("code_hash = ?"), JdbcRows::code, codeHash);
          if (code.isEmpty()) {
            return code;
          }
          // Of concurrent takers, only the one whose DELETE removed the row gets the code.
          int deleted = update(c, CODES.delete("code_hash = ?"), codeHash);
          return deleted == 1 ? code : Optional.<AuthorizationCode>empty();
        });
  }

  @Override
  public void saveRefreshToken(RefreshToken token) {
    call(
        "save a refresh token",
        c ->
            TOKENS.upsert(
                c,
                token.tokenHash(),
                token.familyId(),
                token.clientId(),
                token.subject(),
                words(token.scopes()),
                string(token.resource()),
                millis(token.expiresAt()),
                token.used()));
  }

  @Override
  public Optional<RefreshToken> refreshToken(String tokenHash) {
    return call(
        "load a refresh token",
        c -> first(c, TOKENS.select("token_hash = ?"), JdbcRows::token, tokenHash));
  }

  @Override
  public boolean markUsed(String tokenHash) {
    String sql = "UPDATE " + TOKENS.name() + " SET used = ? WHERE token_hash = ? AND used = ?";
    return call("mark a refresh token used", c -> update(c, sql, true, tokenHash, false) == 1);
  }

  @Override
  public void revokeFamily(String familyId) {
    call(
        "revoke a refresh token family",
        c -> update(c, TOKENS.delete("family_id = ?"), familyId));
  }

  @Override
  public void purgeExpired(Instant now) {
    long cutoff = millis(now);
    call("purge expired codes", c -> update(c, CODES.delete("expires_at < ?"), cutoff));
    call(
        "purge expired refresh tokens",
        c -> update(c, TOKENS.delete("expires_at < ?"), cutoff));
  }

  /** Waits for calls in progress, then closes the database (H2) or lets go of the data source. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      keepAlive.close();
    } catch (Exception e) {
      throw new McpException("cannot close the auth store", e);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- connections and transactions

  /** Work on a connection. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T call(String action, Work<T> work) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the auth store is closed; cannot " + action);
      }
      try (Connection connection = dataSource.getConnection()) {
        return work.run(connection);
      }
    } catch (SQLException e) {
      // The SQL message may quote stored values (hashes); it stays in the cause.
      throw new McpException(
          "auth store: cannot " + action + " (SQLState " + e.getSQLState() + ")", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private <T> T transaction(String action, Work<T> work) {
    return call(
        action,
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.run(connection);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
          } catch (SQLException | RuntimeException e) {
            try {
              connection.rollback();
              connection.setAutoCommit(true);
            } catch (SQLException again) {
              e.addSuppressed(again);
            }
            throw e;
          }
        });
  }
}
