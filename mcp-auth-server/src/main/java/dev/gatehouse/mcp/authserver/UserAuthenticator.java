package dev.gatehouse.mcp.authserver;

import java.util.Optional;

/**
 * Checks a user name and password typed into the login page. Plug in LDAP, a database or an
 * existing user service; {@link Users} covers users from configuration.
 *
 * <pre>{@code
 * UserAuthenticator ldap = (name, password) -> directory.bind(name, password)
 *     ? Optional.of(new User(name, name, Set.of()))
 *     : Optional.empty();
 * }</pre>
 */
@FunctionalInterface
public interface UserAuthenticator {

  /** The user when the credentials are right; empty otherwise (never throw for wrong input). */
  Optional<User> authenticate(String username, char[] password);
}
