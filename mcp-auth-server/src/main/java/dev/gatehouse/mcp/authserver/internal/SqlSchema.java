package dev.gatehouse.mcp.authserver.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of {@link JdbcStore}, each named {@code gatehouse_*} so that it cannot clash with an
 * application's tables in a shared database, and the statements that create them.
 *
 * <p>The column types are portable: VARCHAR(n), TEXT, BIGINT and BOOLEAN, as H2, PostgreSQL and
 * MySQL spell them. A table is created only when a query of its columns fails, so tables made
 * beforehand (with their indexes) are used as they are and no DDL runs against them: that is how
 * a database whose dialect differs (MySQL's 3072-byte index keys, no CREATE INDEX IF NOT EXISTS)
 * gets the store. {@code IF NOT EXISTS} keeps two nodes creating the tables at once safe.
 *
 * <pre>{@code
 * SqlSchema.create(connection);   // in auto-commit mode
 * }</pre>
 */
final class SqlSchema {

  static final SqlTable CLIENTS =
      new SqlTable(
          "gatehouse_clients",
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
  static final SqlTable CONSENTS =
      new SqlTable(
          "gatehouse_consents", List.of("subject", "client_id"), List.of("scopes", "granted_at"));
  static final SqlTable CODES =
      new SqlTable(
          "gatehouse_auth_codes",
          List.of("code_hash"),
          List.of(
              "client_id",
              "subject",
              "redirect_uri",
              "code_challenge",
              "scopes",
              "resource",
              "expires_at"));
  static final SqlTable TOKENS =
      new SqlTable(
          "gatehouse_refresh_tokens",
          List.of("token_hash"),
          List.of(
              "family_id", "client_id", "subject", "scopes", "resource", "expires_at", "used"));

  /** A table and the statements that create it and its indexes. */
  private record Definition(SqlTable table, List<String> statements) {}

  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              CLIENTS,
              List.of(
                  """
                  CREATE TABLE IF NOT EXISTS gatehouse_clients (
                    client_id VARCHAR(2048) NOT NULL PRIMARY KEY,
                    secret_hash VARCHAR(512),
                    client_name VARCHAR(1024),
                    redirect_uris TEXT,
                    grant_types VARCHAR(1024),
                    token_endpoint_auth_method VARCHAR(64),
                    application_type VARCHAR(64),
                    scopes VARCHAR(4000),
                    issued_at BIGINT NOT NULL,
                    metadata TEXT)""")),
          new Definition(
              CONSENTS,
              List.of(
                  """
                  CREATE TABLE IF NOT EXISTS gatehouse_consents (
                    subject VARCHAR(512) NOT NULL,
                    client_id VARCHAR(2048) NOT NULL,
                    scopes VARCHAR(4000),
                    granted_at BIGINT NOT NULL,
                    PRIMARY KEY (subject, client_id))""")),
          new Definition(
              CODES,
              List.of(
                  """
                  CREATE TABLE IF NOT EXISTS gatehouse_auth_codes (
                    code_hash VARCHAR(256) NOT NULL PRIMARY KEY,
                    client_id VARCHAR(2048) NOT NULL,
                    subject VARCHAR(512) NOT NULL,
                    redirect_uri VARCHAR(2048),
                    code_challenge VARCHAR(256),
                    scopes VARCHAR(4000),
                    resource VARCHAR(2048),
                    expires_at BIGINT NOT NULL)""")),
          new Definition(
              TOKENS,
              List.of(
                  """
                  CREATE TABLE IF NOT EXISTS gatehouse_refresh_tokens (
                    token_hash VARCHAR(256) NOT NULL PRIMARY KEY,
                    family_id VARCHAR(256) NOT NULL,
                    client_id VARCHAR(2048) NOT NULL,
                    subject VARCHAR(512) NOT NULL,
                    scopes VARCHAR(4000),
                    resource VARCHAR(2048),
                    expires_at BIGINT NOT NULL,
                    used BOOLEAN NOT NULL)""",
                  """
                  CREATE INDEX IF NOT EXISTS gatehouse_refresh_tokens_family
                    ON gatehouse_refresh_tokens (family_id)""",
                  """
                  CREATE INDEX IF NOT EXISTS gatehouse_refresh_tokens_grant
                    ON gatehouse_refresh_tokens (subject, client_id)""")));

  private SqlSchema() {}

  /** Creates the tables (and their indexes) that are missing. */
  static void create(Connection c) throws SQLException {
    for (Definition definition : DEFINITIONS) {
      if (exists(c, definition.table())) {
        continue;
      }
      try (Statement statement = c.createStatement()) {
        for (String ddl : definition.statements()) {
          statement.execute(ddl);
        }
      }
    }
  }

  /** Whether the table is there with every column the store reads: a failed query says no. */
  private static boolean exists(Connection c, SqlTable table) {
    try (Statement statement = c.createStatement()) {
      statement.executeQuery(table.select("1 = 0")); // closed with the statement
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
