package dev.gatehouse.mcp.authserver.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prepared statements with their parameters bound in order: {@code null}, {@link Long},
 * {@link Boolean} or {@link String}. Each statement is closed before the call returns.
 *
 * <pre>{@code
 * int deleted = JdbcStatements.update(c, "DELETE FROM gatehouse_auth_codes WHERE code_hash = ?", hash);
 * }</pre>
 */
final class JdbcStatements {

  /** Maps one row. */
  interface Rows<T> {
    T read(ResultSet row) throws SQLException;
  }

  private JdbcStatements() {}

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it touched. */
  static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(c, sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  static <T> List<T> all(Connection c, String sql, Rows<T> rows, Object... parameters)
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

  static <T> Optional<T> first(Connection c, String sql, Rows<T> rows, Object... parameters)
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
}
