package dev.gatehouse.mcp.authserver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void aHashMatchesItsPasswordOnly() {
    String hash = PasswordHash.create("hunter2".toCharArray());
    assertTrue(hash.startsWith("pbkdf2-sha256$310000$"));
    assertTrue(PasswordHash.matches("hunter2".toCharArray(), hash));
    assertFalse(PasswordHash.matches("hunter3".toCharArray(), hash));
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(PasswordHash.create("a".toCharArray()), PasswordHash.create("a".toCharArray()));
  }

  @Test
  void malformedHashesNeverMatch() {
    for (String bad : new String[] {null, "", "plain", "pbkdf2-sha256$1$x$y", "pbkdf2-sha256$abc$x$y", "sha256:"}) {
      assertFalse(PasswordHash.matches("x".toCharArray(), bad), String.valueOf(bad));
    }
  }

  @Test
  void usersRefuseClearTextPasswords() {
    assertThrows(IllegalArgumentException.class, () -> Users.builder().user("alice", "secret"));
  }

  @Test
  void usersAuthenticateByNameAndPassword() {
    Users users = Users.builder().user("alice", PasswordHash.create("pw".toCharArray()), "todo:read").build();
    assertTrue(users.authenticate("alice", "pw".toCharArray()).isPresent());
    assertFalse(users.authenticate("alice", "no".toCharArray()).isPresent());
    assertFalse(users.authenticate("bob", "pw".toCharArray()).isPresent());
  }

  @Test
  void usersComeFromAFileWithScopes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("users");
    java.nio.file.Files.writeString(file, "# people\nalice = " + PasswordHash.create("pw".toCharArray()) + "  todo:read todo:write\n\n");
    Users users = Users.fromFile(file);
    assertTrue(users.authenticate("alice", "pw".toCharArray()).orElseThrow().scopes().contains("todo:write"));
  }

  @Test
  void aUsersFileWithClearTextPasswordsIsRefusedWithItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("users");
    java.nio.file.Files.writeString(file, "alice = hunter2\nbob\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Users.fromFile(file));
    assertTrue(e.getMessage().contains(":1:") && e.getMessage().contains(":2:"), e.getMessage());
  }
}
