package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.User;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes this authorization server offers (the protected resource's, plus
 * {@code offline_access}) and how a request's scopes are limited to what the client and the user
 * may have.
 */
public final class Scopes {

  public static final String OFFLINE = "offline_access";

  private final List<String> resourceScopes;
  private final Set<String> offered;

  /** What a requested scope string came to: the scopes, or why it was refused. */
  public record Result(List<String> scopes, String error) {}

  public Scopes(List<String> resourceScopes) {
    this.resourceScopes = List.copyOf(resourceScopes);
    Set<String> all = new LinkedHashSet<>(resourceScopes);
    all.add(OFFLINE);
    this.offered = Set.copyOf(all);
  }

  /** {@code scopes_supported} for the metadata. */
  public List<String> supported() {
    List<String> list = new ArrayList<>(resourceScopes);
    list.add(OFFLINE);
    return list;
  }

  /**
   * Parses a {@code scope} parameter. Without one, the client's configured scopes, else every
   * scope of the resource.
   */
  public Result requested(String scope, RegisteredClient client) {
    if (scope == null || scope.isBlank()) {
      return new Result(List.copyOf(client.scopes().isEmpty() ? resourceScopes : client.scopes()), null);
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String s : scope.trim().split(" +")) {
      if (!offered.contains(s)) {
        return new Result(List.of(), "unknown scope '" + s + "'; this server offers " + supported());
      }
      if (!client.scopes().isEmpty() && !client.scopes().contains(s) && !s.equals(OFFLINE)) {
        return new Result(List.of(), "this client may not ask for '" + s + "'");
      }
      asked.add(s);
    }
    return new Result(List.copyOf(asked), null);
  }

  /** The requested scopes this user may grant ({@code offline_access} always). */
  public List<String> forUser(List<String> requested, User user) {
    if (user.scopes().isEmpty()) {
      return requested;
    }
    return requested.stream().filter(s -> s.equals(OFFLINE) || user.scopes().contains(s)).toList();
  }
}
