package dev.gatehouse.mcp.spi;

import dev.gatehouse.mcp.Caller;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the server needs from an authentication scheme: turn a bearer token into a {@link Caller},
 * decide which scopes a caller lacks, and describe the protected resource. Implemented by
 * {@code dev.gatehouse.mcp.auth.JwtAuth}; implement it yourself for other token formats.
 *
 * <pre>{@code
 * McpServer.builder("todo", "1.0.0")
 *     .auth(JwtAuth.builder("https://auth.example.com", "https://todo.example.com/mcp").build())
 *     .start();
 * }</pre>
 */
public interface Authenticator {

  /**
   * Verifies a bearer token.
   *
   * @throws InvalidTokenException when the token is not acceptable (the message is logged, never
   *     sent to the client)
   */
  Caller authenticate(String bearerToken);

  /** The scopes of {@code required} that {@code caller} does not hold (implications applied). */
  List<String> missingScopes(Collection<String> required, Caller caller);

  /**
   * The canonical resource URI clients connect to (and tokens must name in {@code aud}); empty
   * to use the server's own URL.
   */
  Optional<URI> resource();

  /** The authorization servers (issuers) whose tokens are accepted, for RFC 9728 metadata. */
  List<URI> authorizationServers();
}
