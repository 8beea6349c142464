package dev.gatehouse.mcp.authserver;

import java.util.Objects;
import java.util.Set;

/**
 * A person who can log in to the embedded authorization server.
 *
 * <pre>{@code
 * new User("alice", "Alice Liddell", Set.of("todo:read"))
 * }</pre>
 *
 * @param subject the stable identifier put in tokens' {@code sub}
 * @param name the name shown on pages
 * @param scopes the scopes this user may grant; empty for every scope the server offers
 */
public record User(String subject, String name, Set<String> scopes) {

  public User {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
    scopes = Set.copyOf(scopes);
  }
}
