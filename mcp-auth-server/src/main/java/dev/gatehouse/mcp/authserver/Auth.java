package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.McpException;
import java.util.function.Consumer;

/**
 * Entry point to the embedded OAuth 2.1 authorization server: pass the result to
 * {@code McpServer.Builder.auth(...)} and the MCP server also serves discovery, registration,
 * sign-in, consent and tokens on its own origin, and accepts the tokens it issues.
 *
 * <pre>{@code
 * McpServer.builder("todo", "1.0.0")
 *     .scan("com.example.todo")
 *     .auth(Auth.embedded())
 *     .start();
 * }</pre>
 */
public final class Auth {

  private Auth() {}

  /** The embedded authorization server with its defaults (see {@link AuthServerOptions}). */
  public static AuthorizationServer embedded() {
    return embedded(options -> {});
  }

  /**
   * The embedded authorization server, configured.
   *
   * @throws McpException listing every configuration problem
   */
  public static AuthorizationServer embedded(Consumer<AuthServerOptions> configure) {
    AuthServerOptions options = new AuthServerOptions();
    configure.accept(options);
    if (!options.problems().isEmpty()) {
      throw new McpException(
          "embedded authorization server is misconfigured:\n  - " + String.join("\n  - ", options.problems()));
    }
    return new AuthorizationServer(options);
  }
}
