package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.User;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /consents}: a signed-in person sees the applications they allowed and revokes any of
 * them (its remembered consent and refresh tokens).
 */
public final class ConsentsEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");

  private final String path;
  private final AuthStore store;
  private final PendingRequests sessions;
  private final Pages pages;
  private final Cookies cookies;

  public ConsentsEndpoint(String path, AuthStore store, PendingRequests sessions, Pages pages, Cookies cookies) {
    this.path = path;
    this.store = store;
    this.sessions = sessions;
    this.pages = pages;
    this.cookies = cookies;
  }

  public HttpReply handle(HttpExchange exchange) {
    Optional<String> session = cookies.read(exchange, Cookies.SESSION);
    Optional<User> user = session.flatMap(sessions::user);
    if (user.isEmpty()) {
      return pages.error(401, "Sign in through an application first; then this page lists what you allowed.");
    }
    // the CSRF token is derived from the session, which only this browser holds
    String csrf = Hashes.sha256("consents:" + session.get());
    if (exchange.method().equals("POST")) {
      if (!Hashes.same(csrf, exchange.param("csrf").orElse(""))) {
        return pages.error(400, "This form has expired; reload the page.");
      }
      String clientId = exchange.param("client_id").orElse("");
      store.revokeConsent(user.get().subject(), clientId);
      LOG.info("consents: {} revoked client {}", user.get().subject(), clientId);
      return HttpReply.redirect(path);
    }
    if (!exchange.method().equals("GET")) {
      return OAuthReplies.methodNotAllowed("GET, POST");
    }
    return pages.consents(user.get().name(), store.consents(user.get().subject()), csrf, path);
  }
}
