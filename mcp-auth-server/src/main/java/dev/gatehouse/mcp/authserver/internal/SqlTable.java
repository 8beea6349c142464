package dev.gatehouse.mcp.authserver.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table's name, key columns and other columns, in the order rows are bound: keys first. Writes
 * the portable SELECT, DELETE, INSERT and UPDATE statements {@link JdbcStore} runs.
 *
 * <pre>{@code
 * SqlTable consents =
 *     new SqlTable("gatehouse_consents", List.of("subject", "client_id"), List.of("scopes"));
 * consents.select("subject = ?");   // SELECT subject, client_id, scopes FROM ... WHERE subject = ?
 * }</pre>
 */
record SqlTable(String name, List<String> keys, List<String> columns) {

  String select(String where) {
    return "SELECT " + String.join(", ", all()) + " FROM " + name + " WHERE " + where;
  }

  String delete(String where) {
    return "DELETE FROM " + name + " WHERE " + where;
  }

  String insert() {
    String marks = String.join(", ", all().stream().map(column -> "?").toList());
    return "INSERT INTO " + name + " (" + String.join(", ", all()) + ") VALUES (" + marks + ")";
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

  /**
   * Replaces the row with the same key, or inserts it. Portable (no MERGE): update, then insert;
   * if a concurrent call inserted the row in between, update it after all. Runs in auto-commit so
   * the failed insert does not spoil a transaction.
   */
  int upsert(Connection c, Object... row) throws SQLException {
    int keyCount = keys.size();
    Object[] columnsThenKeys = new Object[row.length];
    System.arraycopy(row, keyCount, columnsThenKeys, 0, row.length - keyCount);
    System.arraycopy(row, 0, columnsThenKeys, row.length - keyCount, keyCount);
    if (JdbcStatements.update(c, update(), columnsThenKeys) > 0) {
      return 1;
    }
    try {
      return JdbcStatements.update(c, insert(), row);
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
        throw e;
      }
      return JdbcStatements.update(c, update(), columnsThenKeys);
    }
  }

  private List<String> all() {
    return Stream.concat(keys.stream(), columns.stream()).toList();
  }
}
