package dev.gatehouse.mcp.authserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.Consent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract for {@link AuthStore#jdbc} over an in-memory H2 database of its own per test. */
class JdbcStoreTest extends AuthStoreContract {

  private JdbcDataSource dataSource;

  @Override
  protected AuthStore newStore() {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    dataSource.setPassword("");
    return AuthStore.jdbc(dataSource);
  }

  /** Runs after the test, before the contract closes the store: the store must not mind. */
  @AfterEach
  void dropDatabase() throws SQLException {
    execute("SHUTDOWN");
  }

  @Test
  void everyTableIsPrefixedWithGatehouse() throws SQLException {
    assertEquals(
        List.of(
            "GATEHOUSE_AUTH_CODES",
            "GATEHOUSE_CLIENTS",
            "GATEHOUSE_CONSENTS",
            "GATEHOUSE_REFRESH_TOKENS"),
        names(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'PUBLIC' ORDER BY table_name"));
  }

  @Test
  void everyIndexIsPrefixedWithGatehouse() throws SQLException {
    List<String> indexes =
        names(
            "SELECT index_name FROM information_schema.indexes"
                + " WHERE table_schema = 'PUBLIC' AND index_type_name <> 'PRIMARY KEY'"
                + " ORDER BY index_name");

    assertEquals(
        List.of("GATEHOUSE_REFRESH_TOKENS_FAMILY", "GATEHOUSE_REFRESH_TOKENS_GRANT"), indexes);
  }

  @Test
  void anApplicationsOwnTablesAreLeftAlone() throws SQLException {
    store.close();
    execute("CREATE TABLE clients (id INT PRIMARY KEY, name VARCHAR(100))");
    execute("INSERT INTO clients VALUES (1, 'Acme')");

    store = AuthStore.jdbc(dataSource);
    store.saveClient(confidentialClient("c-1"));

    assertEquals(List.of("Acme"), names("SELECT name FROM clients"));
    assertEquals(Optional.of(confidentialClient("c-1")), store.client("c-1"));
  }

  @Test
  void aSecondStoreOnTheSameDatabaseSeesTheRows() {
    Consent consent = new Consent("alice", "c-1", Set.of("todo:read"), NOW);
    store.saveConsent(consent);

    try (AuthStore second = AuthStore.jdbc(dataSource)) {
      assertEquals(List.of(consent), second.consents("alice"));
    }
  }

  @Test
  void closingTheStoreLeavesTheDataSourceOpen() throws SQLException {
    store.saveClient(confidentialClient("c-1"));
    store.close();

    assertEquals(List.of("c-1"), names("SELECT client_id FROM gatehouse_clients"));
  }

  @Test
  void aClosedStoreRefusesCalls() {
    store.close();

    assertThrows(IllegalStateException.class, () -> store.client("c-1"));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> names(String query) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }
}
