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

  /** A hash checked when the user is unknown, so both cases take as long. */
  private static final String DUMMY = PasswordHash.create(Hashes.random(16).toCharArray());

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

  @Override
  public Optional<User> authenticate(String username, char[] password) {
    Entry entry = users.get(username);
    boolean ok = PasswordHash.matches(password, entry == null ? DUMMY : entry.hash());
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
