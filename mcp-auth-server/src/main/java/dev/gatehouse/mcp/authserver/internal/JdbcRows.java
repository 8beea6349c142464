package dev.gatehouse.mcp.authserver.internal;

import static dev.gatehouse.mcp.authserver.internal.SqlValues.uri;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.uris;
import static dev.gatehouse.mcp.authserver.internal.SqlValues.words;

import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The rows of {@link SqlSchema}'s tables as records, read by column name.
 *
 * <pre>{@code
 * JdbcStatements.first(c, SqlSchema.CLIENTS.select("client_id = ?"), JdbcRows::client, id);
 * }</pre>
 */
final class JdbcRows {

  private JdbcRows() {}

  static RegisteredClient client(ResultSet row) throws SQLException {
    return new RegisteredClient(
        row.getString("client_id"),
        text(row, "secret_hash"),
        text(row, "client_name"),
        uris(text(row, "redirect_uris")),
        words(row.getString("grant_types")),
        text(row, "token_endpoint_auth_method"),
        text(row, "application_type"),
        words(row.getString("scopes")),
        Instant.ofEpochMilli(row.getLong("issued_at")),
        text(row, "metadata"));
  }

  static Consent consent(ResultSet row) throws SQLException {
    return new Consent(
        row.getString("subject"),
        row.getString("client_id"),
        words(row.getString("scopes")),
        Instant.ofEpochMilli(row.getLong("granted_at")));
  }

  static AuthorizationCode code(ResultSet row) throws SQLException {
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

  static RefreshToken token(ResultSet row) throws SQLException {
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

  /** A string column that may be empty; some databases store the empty string as NULL. */
  private static String text(ResultSet row, String column) throws SQLException {
    String value = row.getString(column);
    return value == null ? "" : value;
  }
}
