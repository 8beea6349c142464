package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.authserver.internal.Hashes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users from configuration, each with a {@link PasswordHash} (never a password in clear).
 *
 * <pre>{@code
 * UserAuthenticator users = Users.builder()
 *     .user("alice", "pbkdf2-sha256$310000$...", "todo:read", "todo:write")
 *     .user("bob", "pbkdf2-sha256$310000$...", "todo:read")
 *     .build();
 * }</pre>
 */
public final class Users implements UserAuthenticator {

  /** A hash checked when the user is unknown, so both cases take as long (made on first need). */
  private static final class Dummy {
    static final String HASH = PasswordHash.create(Hashes.random(16).toCharArray());
  }

  private final Map<String, Entry> users;

  private record Entry(String hash, User user) {}

  private Users(Map<String, Entry> users) {
    this.users = Map.copyOf(users);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * One user with a random password, for development: the password is in {@link #password()}
   * and printed at start-up, and changes at every start.
   */
  public static Development development() {
    return new Development("developer", Hashes.random(12));
  }

  /**
   * Users from a file of {@code name = hash [scope ...]} lines ({@code #} starts a comment), the
   * format {@code GATEHOUSE_AUTH_USERS_FILE} names:
   *
   * <pre>
   * alice = pbkdf2-sha256$310000$...   todo:read todo:write
   * bob   = pbkdf2-sha256$310000$...
   * </pre>
   *
   * @throws IllegalArgumentException naming the file and line of every problem
   */
  public static Users fromFile(java.nio.file.Path file) {
    List<String> lines;
    try {
      lines = java.nio.file.Files.readAllLines(file);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read users file " + file + ": " + e.getMessage(), e);
    }
    Builder builder = builder();
    List<String> problems = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String[] rest = eq < 0 ? new String[0] : line.substring(eq + 1).strip().split("\\s+");
      if (eq <= 0 || rest.length == 0 || rest[0].isEmpty()) {
        problems.add(file + ":" + (i + 1) + ": expected 'name = hash [scope ...]'");
        continue;
      }
      try {
        builder.user(line.substring(0, eq).strip(), rest[0], java.util.Arrays.copyOfRange(rest, 1, rest.length));
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return builder.build();
  }

  @Override
  public Optional<User> authenticate(String username, char[] password) {
    Entry entry = users.get(username);
    boolean ok = PasswordHash.matches(password, entry == null ? Dummy.HASH : entry.hash());
    return entry != null && ok ? Optional.of(entry.user()) : Optional.empty();
  }

  /** The configured user names. */
  public List<String> names() {
    return List.copyOf(users.keySet());
  }

  /** Collects users; {@link #build()} checks every hash. */
  public static final class Builder {
    private final Map<String, Entry> users = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a user who logs in as {@code username} (also the token subject).
     *
     * @param scopes the scopes this user may grant; none for every scope
     * @throws IllegalArgumentException when {@code passwordHash} is not a {@link PasswordHash}
     */
    public Builder user(String username, String passwordHash, String... scopes) {
      if (!PasswordHash.isHash(passwordHash)) {
        throw new IllegalArgumentException(
            "user '" + username + "': the password must be a PasswordHash (pbkdf2-sha256$...), not clear text");
      }
      users.put(username, new Entry(passwordHash, new User(username, username, Set.of(scopes))));
      return this;
    }

    public Users build() {
      return new Users(users);
    }
  }

  /** The development user: one name, a random password known to this process only. */
  public static final class Development implements UserAuthenticator {
    private final String username;
    private final String password;

    private Development(String username, String password) {
      this.username = username;
      this.password = password;
    }

    public String username() {
      return username;
    }

    public String password() {
      return password;
    }

    @Override
    public Optional<User> authenticate(String name, char[] typed) {
      boolean ok = Hashes.same(password, new String(typed)) & username.equals(name);
      return ok ? Optional.of(new User(username, "Developer", Set.of())) : Optional.empty();
    }
  }
}
