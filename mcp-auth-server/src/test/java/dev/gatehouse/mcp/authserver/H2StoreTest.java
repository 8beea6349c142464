package dev.gatehouse.mcp.authserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreTest extends AuthStoreContract {

  @TempDir Path dir;

  @Override
  protected AuthStore newStore() {
    return AuthStore.h2(dir.resolve("auth"));
  }

  @Test
  void dataSurvivesClosingAndReopeningTheStore() {
    RegisteredClient client = confidentialClient("c-1");
    Consent consent = new Consent("alice", "c-1", Set.of("todo:read"), NOW);
    AuthorizationCode code = code("h-1", NOW.plusSeconds(600));
    store.saveClient(client);
    store.saveConsent(consent);
    store.saveCode(code);
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));
    store.markUsed("t-1");
    store.close();

    store = AuthStore.h2(dir.resolve("auth"));

    assertEquals(Optional.of(client), store.client("c-1"));
    assertEquals(List.of(consent), store.consents("alice"));
    assertEquals(Optional.of(code), store.takeCode("h-1"));
    assertTrue(store.refreshToken("t-1").orElseThrow().used());
  }

  @Test
  void theFileNameMayCarryTheMvDbSuffix() {
    store.saveClient(confidentialClient("c-1"));
    store.close();

    store = AuthStore.h2(dir.resolve("auth.mv.db"));

    assertEquals(Optional.of(confidentialClient("c-1")), store.client("c-1"));
  }

  @Test
  void missingDirectoriesAreCreatedOwnerOnly() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));

    try (AuthStore nested = AuthStore.h2(dir.resolve("data/auth/store"))) {
      nested.saveClient(confidentialClient("c-1"));
    }

    assertEquals("rwx------", permissions(dir.resolve("data")));
    assertEquals("rwx------", permissions(dir.resolve("data/auth")));
  }

  @Test
  void aFileWhereTheDirectoryBelongsIsAClearError() throws Exception {
    Files.writeString(dir.resolve("occupied"), "not a directory");
    java.io.UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.UncheckedIOException.class, () -> AuthStore.h2(dir.resolve("occupied/auth")));
    assertTrue(e.getMessage().contains("is a file"), e.getMessage());
  }

  @Test
  void aNewDatabaseFileIsOwnerOnly() throws Exception {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
    store.saveClient(confidentialClient("c-1"));

    assertEquals("rw-------", permissions(dir.resolve("auth.mv.db")));
  }

  @Test
  void aClosedStoreRefusesCalls() {
    store.close();

    assertThrows(IllegalStateException.class, () -> store.client("c-1"));
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
