package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An {@link AuthStore} over plain JDBC: an embedded H2 file database by default, or any SQL
 * database behind a {@link DataSource}. Each call borrows a connection and gives it back; calls
 * that touch several rows run in one transaction. The tables are created when missing, with
 * standard SQL types (VARCHAR, CLOB, BIGINT, BOOLEAN); where a database spells a type
 * differently (TEXT for CLOB in PostgreSQL), create the tables yourself first. Instants are
 * kept to the millisecond, as epoch milliseconds.
 *
 * <pre>{@code
 * AuthStore store = JdbcStore.h2(Path.of("data/auth"));   // data/auth.mv.db
 * AuthStore shared = JdbcStore.of(pooledDataSource);      // tables in a shared database
 * }</pre>
 */
public final class JdbcStore implements AuthStore {

  private static final Table CLIENTS =
      new Table(
          "clients",
          List.of("client_id"),
          List.of(
              "secret_hash",
              "client_name",
              "redirect_uris",
              "grant_types",
              "token_endpoint_auth_method",
              "application_type",
              "scopes",
              "issued_at",
              "metadata"));
  private static final Table CONSENTS =
      new Table("consents", List.of("subject", "client_id"), List.of("scopes", "granted_at"));
  private static final Table CODES =
      new Table(
          "auth_codes",
          List.of("code_hash"),
          List.of(
              "client_id",
              "subject",
              "redirect_uri",
              "code_challenge",
              "scopes",
              "resource",
              "expires_at"));
  private static final Table TOKENS =
      new Table(
          "refresh_tokens",
          List.of("token_hash"),
          List.of(
              "family_id", "client_id", "subject", "scopes", "resource", "expires_at", "used"));

  private static final List<String> SCHEMA =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS clients (
            client_id VARCHAR(2048) NOT NULL PRIMARY KEY,
            secret_hash VARCHAR(512),
            client_name VARCHAR(1024),
            redirect_uris CLOB,
            grant_types VARCHAR(1024),
            token_endpoint_auth_method VARCHAR(64),
            application_type VARCHAR(64),
            scopes VARCHAR(4000),
            issued_at BIGINT NOT NULL,
            metadata CLOB)""",
          """
          CREATE TABLE IF NOT EXISTS consents (
            subject VARCHAR(512) NOT NULL,
            client_id VARCHAR(2048) NOT NULL,
            scopes VARCHAR(4000),
            granted_at BIGINT NOT NULL,
            PRIMARY KEY (subject, client_id))""",
          """
          CREATE TABLE IF NOT EXISTS auth_codes (
            code_hash VARCHAR(256) NOT NULL PRIMARY KEY,
            client_id VARCHAR(2048) NOT NULL,
            subject VARCHAR(512) NOT NULL,
            redirect_uri VARCHAR(2048),
            code_challenge VARCHAR(256),
            scopes VARCHAR(4000),
            resource VARCHAR(2048),
            expires_at BIGINT NOT NULL)""",
          """
          CREATE TABLE IF NOT EXISTS refresh_tokens (
            token_hash VARCHAR(256) NOT NULL PRIMARY KEY,
            family_id VARCHAR(256) NOT NULL,
            client_id VARCHAR(2048) NOT NULL,
            subject VARCHAR(512) NOT NULL,
            scopes VARCHAR(4000),
            resource VARCHAR(2048),
            expires_at BIGINT NOT NULL,
            used BOOLEAN NOT NULL)""",
          "CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family_id)",
          "CREATE INDEX IF NOT EXISTS refresh_tokens_grant ON refresh_tokens (subject, client_id)");

  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

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
    Path base = withoutSuffix(file.toAbsolutePath().normalize());
    if (base.toString().contains(";")) {
      throw new IllegalArgumentException("the auth store path must not contain ';': " + base);
    }
    createOwnerOnly(base);
    JdbcDataSource h2 = new JdbcDataSource();
    // TRACE_LEVEL_FILE=0: no .trace.db next to the database; errors reach the caller instead.
    h2.setURL("jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0");
    h2.setUser("sa");
    h2.setPassword("");
    Connection keepAlive;
    try {
      keepAlive = h2.getConnection();
    } catch (SQLException e) {
      throw new McpException("cannot open the auth store at " + base + ": " + e.getMessage(), e);
    }
    JdbcStore store = new JdbcStore(h2, keepAlive);
    try {
      store.createTables();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /**
   * A store in the database behind {@code dataSource}, creating the tables if they are missing.
   * The data source stays the caller's: {@link #close()} leaves it open.
   */
  public static JdbcStore of(DataSource dataSource) {
    JdbcStore store = new JdbcStore(dataSource, () -> {});
    store.createTables();
    return store;
  }

  @Override
  public void saveClient(RegisteredClient client) {
    call(
        "save a client",
        c ->
            upsert(
                c,
                CLIENTS,
                client.clientId(),
                client.secretHash(),
                client.name(),
                client.redirectUris().stream().map(URI::toString).collect(Collectors.joining("\n")),
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
        c -> first(c, CLIENTS.select("client_id = ?"), JdbcStore::client, clientId));
  }

  @Override
  public void saveConsent(Consent consent) {
    call(
        "save a consent",
        c ->
            upsert(
                c,
                CONSENTS,
                consent.subject(),
                consent.clientId(),
                words(consent.scopes()),
                millis(consent.grantedAt())));
  }

  @Override
  public Optional<Consent> consent(String subject, String clientId) {
    return call(
        "load a consent",
        c ->
            first(
                c,
                CONSENTS.select("subject = ? AND client_id = ?"),
                JdbcStore::consent,
                subject,
                clientId));
  }

  @Override
  public List<Consent> consents(String subject) {
    return call(
        "list consents",
        c ->
            all(
                c,
                CONSENTS.select("subject = ? ORDER BY granted_at, client_id"),
                JdbcStore::consent,
                subject));
  }

  @Override
  public void revokeConsent(String subject, String clientId) {
    transaction(
        "revoke a consent",
        c -> {
          update(c, "DELETE FROM consents WHERE subject = ? AND client_id = ?", subject, clientId);
          String tokens = "DELETE FROM refresh_tokens WHERE subject = ? AND client_id = ?";
          return update(c, tokens, subject, clientId);
        });
  }

  @Override
  public void saveCode(AuthorizationCode code) {
    call(
        "save an authorization code",
        c ->
            upsert(
                c,
                CODES,
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
              first(c, CODES.select("code_hash = ?"), JdbcStore::code, codeHash);
          if (code.isEmpty()) {
            return code;
          }
          // Of concurrent takers, only the one whose DELETE removed the row gets the code.
          int deleted = update(c, "DELETE FROM auth_codes WHERE code_hash = ?", codeHash);
          return deleted == 1 ? code : Optional.<AuthorizationCode>empty();
        });
  }

  @Override
  public void saveRefreshToken(RefreshToken token) {
    call(
        "save a refresh token",
        c ->
            upsert(
                c,
                TOKENS,
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
        c -> first(c, TOKENS.select("token_hash = ?"), JdbcStore::token, tokenHash));
  }

  @Override
  public boolean markUsed(String tokenHash) {
    return call(
        "mark a refresh token used",
        c ->
            update(
                    c,
                    "UPDATE refresh_tokens SET used = ? WHERE token_hash = ? AND used = ?",
                    true,
                    tokenHash,
                    false)
                == 1);
  }

  @Override
  public void revokeFamily(String familyId) {
    call(
        "revoke a refresh token family",
        c -> update(c, "DELETE FROM refresh_tokens WHERE family_id = ?", familyId));
  }

  @Override
  public void purgeExpired(Instant now) {
    long cutoff = millis(now);
    call(
        "purge expired codes",
        c -> update(c, "DELETE FROM auth_codes WHERE expires_at < ?", cutoff));
    call(
        "purge expired refresh tokens",
        c -> update(c, "DELETE FROM refresh_tokens WHERE expires_at < ?", cutoff));
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

  private void createTables() {
    call(
        "create the tables",
        c -> {
          try (Statement statement = c.createStatement()) {
            for (String ddl : SCHEMA) {
              statement.execute(ddl);
            }
          }
          return null;
        });
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

  // ---- statements

  /** A table's key and other columns, in the order rows are bound. */
  private record Table(String name, List<String> keys, List<String> columns) {

    String select(String where) {
      String all = String.join(", ", Stream.concat(keys.stream(), columns.stream()).toList());
      return "SELECT " + all + " FROM " + name + " WHERE " + where;
    }

    String insert() {
      List<String> all = Stream.concat(keys.stream(), columns.stream()).toList();
      String marks = String.join(", ", all.stream().map(column -> "?").toList());
      return "INSERT INTO " + name + " (" + String.join(", ", all) + ") VALUES (" + marks + ")";
    }

    /** Binds the columns first, then the keys. */
    String update() {
      return "UPDATE "
          + name
          + " SET "
          + String.join(", ", columns.stream().map(column -> column + " = ?").toList())
          + " WHERE "
          + String.join(" AND ", keys.stream().map(key -> key + " = ?").toList());
    }
  }

  /**
   * Replaces the row with the same key, or inserts it. Portable (no MERGE): update, then insert;
   * if a concurrent call inserted the row in between, update it after all. Runs in auto-commit so
   * the failed insert does not spoil a transaction.
   */
  private static int upsert(Connection c, Table table, Object... row) throws SQLException {
    int keys = table.keys().size();
    Object[] columnsThenKeys = new Object[row.length];
    System.arraycopy(row, keys, columnsThenKeys, 0, row.length - keys);
    System.arraycopy(row, 0, columnsThenKeys, row.length - keys, keys);
    if (update(c, table.update(), columnsThenKeys) > 0) {
      return 1;
    }
    try {
      return update(c, table.insert(), row);
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      return update(c, table.update(), columnsThenKeys);
    }
  }

  private static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Maps one row. */
  private interface Rows<T> {
    T read(ResultSet row) throws SQLException;
  }

  private static <T> List<T> all(Connection c, String sql, Rows<T> rows, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, parameters);
        ResultSet result = statement.executeQuery()) {
      List<T> list = new ArrayList<>();
      while (result.next()) {
        list.add(rows.read(result));
      }
      return list;
    }
  }

  private static <T> Optional<T> first(Connection c, String sql, Rows<T> rows, Object... parameters)
      throws SQLException {
    return all(c, sql, rows, parameters).stream().findFirst();
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... parameters)
      throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        if (value == null) {
          statement.setNull(i + 1, Types.VARCHAR);
        } else if (value instanceof Long number) {
          statement.setLong(i + 1, number);
        } else if (value instanceof Boolean flag) {
          statement.setBoolean(i + 1, flag);
        } else {
          statement.setString(i + 1, (String) value);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  // ---- rows to records

  private static RegisteredClient client(ResultSet row) throws SQLException {
    return new RegisteredClient(
        row.getString("client_id"),
        text(row, "secret_hash"),
        text(row, "client_name"),
        Arrays.stream(text(row, "redirect_uris").split("\n"))
            .filter(line -> !line.isEmpty())
            .map(URI::create)
            .toList(),
        words(row.getString("grant_types")),
        text(row, "token_endpoint_auth_method"),
        text(row, "application_type"),
        words(row.getString("scopes")),
        Instant.ofEpochMilli(row.getLong("issued_at")),
        text(row, "metadata"));
  }

  private static Consent consent(ResultSet row) throws SQLException {
    return new Consent(
        row.getString("subject"),
        row.getString("client_id"),
        words(row.getString("scopes")),
        Instant.ofEpochMilli(row.getLong("granted_at")));
  }

  private static AuthorizationCode code(ResultSet row) throws SQLException {
    return new AuthorizationCode(
        row.getString("code_hash"),
        row.getString("client_id"),
        row.getString("subject"),
        uri(row.getString("redirect_uri")),
        row.getString("code_challenge"),
        words(row.getString("scopes")),
        uri(row.getString("resource")),
        Instant.ofEpochMilli(row.getLong("expires_at")));
  }

  private static RefreshToken token(ResultSet row) throws SQLException {
    return new RefreshToken(
        row.getString("token_hash"),
        row.getString("family_id"),
        row.getString("client_id"),
        row.getString("subject"),
        words(row.getString("scopes")),
        uri(row.getString("resource")),
        Instant.ofEpochMilli(row.getLong("expires_at")),
        row.getBoolean("used"));
  }

  // ---- values

  /** A string column that may be empty; some databases store the empty string as NULL. */
  private static String text(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? "" : value;
  }

  /** Scopes and grant types, space-separated: their values never contain spaces (RFC 6749). */
  private static String words(Set<String> words) {
    for (String word : words) {
      if (word.isEmpty() || word.contains(" ")) {
        throw new IllegalArgumentException("not a scope or grant type: '" + word + "'");
      }
    }
    return String.join(" ", new TreeSet<>(words));
  }

  private static Set<String> words(String text) {
    if (text == null) {
      return Set.of();
    }
    return Arrays.stream(text.split(" "))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }

  private static String string(URI uri) {
    return uri == null ? null : uri.toString();
  }

  private static URI uri(String text) {
    return text == null ? null : URI.create(text);
  }

  /** Epoch milliseconds, clamped for instants beyond what a long can hold (Instant.MAX). */
  private static long millis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  // ---- files

  private static Path withoutSuffix(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".mv.db")
        ? file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()))
        : file;
  }

  /** Creates missing parent directories (rwx------) and a new, empty database file (rw-------). */
  private static void createOwnerOnly(Path base) {
    Path directory = base.getParent();
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      if (!posix) {
        Files.createDirectories(directory);
        return;
      }
      Files.createDirectories(
          directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
      Path database = base.resolveSibling(base.getFileName() + ".mv.db");
      if (Files.notExists(database)) {
        // H2 takes an empty file for a new database, so the data lands in an owner-only file.
        Files.createFile(database, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw new UncheckedIOException("the auth store directory is a file: " + directory, e);
      }
      // the database file appeared in between: H2 opens it as it is
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the auth store directory " + directory, e);
    }
  }
}
