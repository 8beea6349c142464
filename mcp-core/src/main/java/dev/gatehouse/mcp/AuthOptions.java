package dev.gatehouse.mcp;

import dev.gatehouse.mcp.internal.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How an authenticated server presents itself: its RFC 9728 metadata and whether lists are
 * filtered by caller. Passed to {@link McpServer.Builder#auth(dev.gatehouse.mcp.spi.Authenticator,
 * java.util.function.Consumer)}.
 *
 * <pre>{@code
 * McpServer.builder("todo", "1.0.0")
 *     .auth(jwtAuth, auth -> auth
 *         .resourceName("Todo")
 *         .resourceDocumentation("https://todo.example.com/docs/mcp"))
 *     .start();
 * }</pre>
 */
public final class AuthOptions {

  private boolean filterLists = true;
  private final List<String> scopesSupported = new ArrayList<>();
  private final List<String> challengeScopes = new ArrayList<>();
  private String resourceName;
  private String resourceDocumentation;

  AuthOptions() {}

  /**
   * Whether {@code tools/list}, {@code resources/list} and {@code prompts/list} show only what the
   * caller's scopes allow (on by default). Calls are enforced either way; turning filtering off
   * is logged.
   */
  public AuthOptions filterLists(boolean filterLists) {
    this.filterLists = filterLists;
    return this;
  }

  /**
   * The scopes a 401 names when the request itself needs none (e.g. {@code initialize}), so
   * clients start with least privilege and step up later; by default none are named and clients
   * ask for every scope in {@code scopes_supported}.
   */
  public AuthOptions challengeScopes(String... scopes) {
    challengeScopes.addAll(List.of(scopes));
    return this;
  }

  /** The scopes a 401 names for requests that need none. */
  public List<String> challengeScopes() {
    return List.copyOf(challengeScopes);
  }

  /** The {@code scopes_supported} to advertise instead of every declared scope. */
  public AuthOptions scopesSupported(String... scopes) {
    scopesSupported.addAll(List.of(scopes));
    return this;
  }

  /** The {@code resource_name} in the metadata; the server's title or name by default. */
  public AuthOptions resourceName(String name) {
    this.resourceName = Objects.requireNonNull(name, "name");
    return this;
  }

  /** A page for developers about this server ({@code resource_documentation}). */
  public AuthOptions resourceDocumentation(String url) {
    this.resourceDocumentation = Objects.requireNonNull(url, "url");
    return this;
  }

  public boolean filterLists() {
    return filterLists;
  }

  public List<String> scopesSupported() {
    return List.copyOf(scopesSupported);
  }

  public Optional<String> resourceName() {
    return Optional.ofNullable(resourceName);
  }

  public Optional<String> resourceDocumentation() {
    return Optional.ofNullable(resourceDocumentation);
  }

  /** Problems with these options, for the start-up report. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    String urlProblem = resourceDocumentation == null ? null : Syntax.urlProblem(resourceDocumentation);
    if (urlProblem != null) {
      problems.add("resourceDocumentation " + urlProblem + ": '" + resourceDocumentation + "'");
    }
    for (String scope : scopesSupported) {
      if (!Syntax.scopeToken(scope)) {
        problems.add("scopesSupported: '" + scope + "' is not a valid OAuth scope token");
      }
    }
    return problems;
  }
}
