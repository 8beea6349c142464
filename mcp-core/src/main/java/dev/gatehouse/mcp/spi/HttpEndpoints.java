package dev.gatehouse.mcp.spi;

import java.net.URI;
import java.util.List;

/**
 * Extra HTTP endpoints an {@link Authenticator} serves beside the MCP endpoint, on the same origin
 * and behind the same Host check: an embedded authorization server's metadata, authorization,
 * token and registration endpoints. The transport hands each request over as an
 * {@link HttpExchange} and writes back the {@link HttpReply}; no servlet or Jetty type is
 * involved.
 *
 * <pre>{@code
 * final class MyAuth implements Authenticator, HttpEndpoints {
 *   public List<Route> routes() { return List.of(new Route("/token", Access.CORS)); }
 *   public HttpReply handle(HttpExchange exchange) { ... }
 *   ...
 * }
 * }</pre>
 */
public interface HttpEndpoints {

  /** How browsers may reach a route. */
  enum Access {
    /** Callable from any origin without credentials (metadata, JWKS, token, registration). */
    CORS,
    /** A page for people: same-origin form posts only, never framed. */
    PAGE
  }

  /** One exact path this authenticator answers. */
  record Route(String path, Access access) {}

  /**
   * A port of their own for these routes (0 for any free one); empty (the default) to serve them
   * on the MCP endpoint's origin.
   */
  default java.util.OptionalInt port() {
    return java.util.OptionalInt.empty();
  }

  /** The paths to mount, fixed before the server starts. */
  List<Route> routes();

  /**
   * Called once the server is bound and before its first request is answered.
   *
   * @param baseUrl the public origin of these routes, e.g. {@code https://todo.example.com} or
   *     {@code http://127.0.0.1:8080} (with their own port when {@link #port()} asked for one)
   * @param resource the MCP endpoint's canonical URI (the protected resource)
   * @param scopes every scope the server's tools, resources and prompts declare
   * @param serverName the name shown to people (title or name)
   */
  void start(URI baseUrl, URI resource, List<String> scopes, String serverName);

  /** Answers one request to a route; must not throw for bad input. */
  HttpReply handle(HttpExchange exchange);

  /** Releases what {@link #start} opened (databases, timers). */
  void stop();
}
