package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.User;
import dev.gatehouse.mcp.authserver.UserAuthenticator;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization endpoint: validates the request (client, exact redirect URI, PKCE S256,
 * RFC 8707 resource, scopes), asks the person to sign in and consent, and answers the client's
 * redirect URI with a single-use code, {@code state} and the RFC 9207 {@code iss}.
 */
public final class AuthorizeEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");
  /** A PKCE code challenge or verifier: 43-128 unreserved characters (RFC 7636). */
  static final Pattern PKCE_VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final List<String> SINGLE =
      List.of("client_id", "redirect_uri", "response_type", "state", "code_challenge",
          "code_challenge_method", "scope", "resource");

  private final String path;
  private final URI issuer;
  private final URI resource;
  private final ClientRegistry clients;
  private final PendingRequests pending;
  private final Pages pages;
  private final UserAuthenticator users;
  private final AuthStore store;
  private final Scopes scopes;
  private final Duration codeTtl;
  private final Cookies cookies;
  private final RateLimiter logins;
  private final RateLimiter starts;
  private final Clock clock;

  public AuthorizeEndpoint(
      String path, URI issuer, URI resource, ClientRegistry clients, PendingRequests pending, Pages pages,
      UserAuthenticator users, AuthStore store, Scopes scopes, Duration codeTtl, Cookies cookies,
      RateLimiter logins, RateLimiter starts, Clock clock) {
    this.path = path;
    this.issuer = issuer;
    this.resource = resource;
    this.clients = clients;
    this.pending = pending;
    this.pages = pages;
    this.users = users;
    this.store = store;
    this.scopes = scopes;
    this.codeTtl = codeTtl;
    this.cookies = cookies;
    this.logins = logins;
    this.starts = starts;
    this.clock = clock;
  }

  public HttpReply handle(HttpExchange exchange) {
    return switch (exchange.method()) {
      case "GET" -> start(exchange);
      case "POST" -> exchange.param("request_id").isPresent() ? answer(exchange) : start(exchange);
      default -> OAuthReplies.methodNotAllowed("GET, POST");
    };
  }

  /** A new authorization request, from the client's redirect of the browser. */
  private HttpReply start(HttpExchange exchange) {
    if (starts.acquire(exchange.remoteAddress()) > 0) {
      return pages.error(429, "Too many sign-in attempts from your address; wait a minute and try again.");
    }
    Optional<String> repeated = OAuthReplies.repeated(exchange, SINGLE);
    if (repeated.isPresent()) {
      return pages.error(400, "The request repeats the parameter '" + repeated.get() + "'.");
    }
    String clientId = exchange.param("client_id").orElse("");
    if (clientId.isEmpty()) {
      return pages.error(400, "The request has no client_id.");
    }
    RegisteredClient client;
    try {
      Optional<RegisteredClient> found = clients.find(clientId);
      if (found.isEmpty()) {
        return pages.error(400, "This application is not registered here (unknown client_id).");
      }
      client = found.get();
    } catch (ClientRegistry.InvalidClientMetadata e) {
      return pages.error(400, "This application's metadata could not be used: " + e.getMessage());
    }
    boolean nativeApp = client.applicationType().equals("native");
    String redirect = exchange.param("redirect_uri").orElse(null);
    if (redirect == null) {
      if (client.redirectUris().size() != 1) {
        return pages.error(400, "The request has no redirect_uri.");
      }
      redirect = client.redirectUris().get(0).toString();
    } else if (!RedirectUris.matches(redirect, client.redirectUris(), nativeApp)) {
      LOG.info("authorize: redirect URI not registered for client {}", clientId);
      return pages.error(400, "The redirect URI is not registered for this application.");
    }
    // from here on, errors go back to the (verified) redirect URI
    String state = exchange.param("state").orElse(null);
    if (!exchange.param("response_type").orElse("").equals("code")) {
      return back(redirect, state, "unsupported_response_type", "response_type must be 'code'");
    }
    if (!client.grantTypes().contains("authorization_code")) {
      return back(redirect, state, "unauthorized_client", "this client may not use the authorization_code grant");
    }
    String challenge = exchange.param("code_challenge").orElse("");
    String method = exchange.param("code_challenge_method").orElse("");
    if (challenge.isEmpty()) {
      return back(redirect, state, "invalid_request", "PKCE is required: send code_challenge with code_challenge_method=S256");
    }
    if (!method.equals("S256")) {
      return back(redirect, state, "invalid_request", "code_challenge_method must be S256 (plain is not accepted)");
    }
    if (!PKCE_VALUE.matcher(challenge).matches()) {
      return back(redirect, state, "invalid_request", "code_challenge must be 43-128 characters of base64url");
    }
    String target = exchange.param("resource").orElse("");
    if (target.isEmpty()) {
      return back(redirect, state, "invalid_request", "resource is required (RFC 8707): the MCP server's URL");
    }
    if (!target.equals(resource.toString())) {
      return back(redirect, state, "invalid_target", "this server issues tokens only for " + resource);
    }
    Scopes.Result asked = scopes.requested(exchange.param("scope").orElse(null), client);
    if (asked.error() != null) {
      return back(redirect, state, "invalid_scope", asked.error());
    }
    PendingRequests.Request request =
        new PendingRequests.Request(client, redirect, state, challenge, asked.scopes(), resource);
    String browser = cookies.read(exchange, Cookies.BROWSER).filter(b -> b.length() <= 64).orElse(null);
    boolean newBrowser = browser == null;
    if (newBrowser) {
      browser = Hashes.random(24);
    }
    PendingRequests.Pending p;
    try {
      p = pending.add(request, browser);
    } catch (IllegalStateException e) {
      return pages.error(503, "Too many sign-ins in progress; try again in a few minutes.");
    }
    Optional<User> user = cookies.read(exchange, Cookies.SESSION).flatMap(pending::user);
    HttpReply reply = user.isPresent() ? afterLogin(p, user.get()) : pages.login(p, path, null);
    return newBrowser ? reply.with("Set-Cookie", cookies.set(Cookies.BROWSER, browser, null)) : reply;
  }

  /** A posted login or consent form. */
  private HttpReply answer(HttpExchange exchange) {
    String browser = cookies.read(exchange, Cookies.BROWSER).orElse(null);
    Optional<PendingRequests.Pending> found =
        pending.find(exchange.param("request_id").orElse(null), browser, exchange.param("csrf").orElse(null));
    if (found.isEmpty()) {
      return pages.error(400, "This form has expired or was already used.");
    }
    PendingRequests.Pending p = found.get();
    String action = exchange.param("action").orElse("");
    if (action.equals("login") && p.consentFor().isEmpty()) {
      return login(exchange, p);
    }
    Optional<User> user = cookies.read(exchange, Cookies.SESSION).flatMap(pending::user);
    // only the person the consent page was shown to can answer it
    if (!action.equals("consent") || user.isEmpty() || !p.awaitsConsentOf(user.get().subject())) {
      return pages.login(p, path, null);
    }
    pending.remove(p.id());
    String decision = exchange.param("decision").orElse("");
    if (!decision.equals("allow")) {
      LOG.info("authorize: {} denied client {}", user.get().subject(), p.request().client().clientId());
      return back(p.request().redirectUri(), p.request().state(), "access_denied", "the user denied access");
    }
    PendingRequests.Request r = limited(p.request(), user.get());
    Set<String> granted = new LinkedHashSet<>(r.scopes());
    store.consent(user.get().subject(), r.client().clientId()).ifPresent(c -> granted.addAll(c.scopes()));
    store.saveConsent(new Consent(user.get().subject(), r.client().clientId(), granted, clock.instant()));
    return issue(r, user.get());
  }

  private HttpReply login(HttpExchange exchange, PendingRequests.Pending p) {
    String username = exchange.param("username").orElse("");
    String password = exchange.param("password").orElse("");
    if (logins.acquire("ip:" + exchange.remoteAddress()) > 0 || logins.acquire("user:" + username) > 0) {
      return pages.login(p, path, "Too many attempts. Wait a minute and try again.");
    }
    if (username.isEmpty() || username.length() > 200 || password.length() > 1000) {
      return pages.login(p, path, "Wrong user name or password.");
    }
    Optional<User> user = users.authenticate(username, password.toCharArray());
    if (user.isEmpty()) {
      LOG.info("authorize: failed sign-in for '{}' from {}", username.replaceAll("[^\\w@.+-]", "?"), exchange.remoteAddress());
      return pages.login(p, path, "Wrong user name or password.");
    }
    String session = pending.login(user.get());
    return afterLogin(p, user.get()).with("Set-Cookie", cookies.set(Cookies.SESSION, session, null));
  }

  /** Signed in: skip the consent page when this user already granted these scopes. */
  private HttpReply afterLogin(PendingRequests.Pending p, User user) {
    PendingRequests.Request limited = limited(p.request(), user);
    pending.remove(p.id());
    Optional<Consent> consent = store.consent(user.subject(), limited.client().clientId());
    // a native client's loopback redirect matches any port, so any local program could use its
    // client_id: remembered consent is honoured only for a redirect URI registered exactly
    boolean exactRedirect =
        limited.client().redirectUris().stream().anyMatch(u -> u.toString().equals(limited.redirectUri()));
    if (exactRedirect && consent.isPresent() && consent.get().scopes().containsAll(limited.scopes())) {
      return issue(limited, user);
    }
    PendingRequests.Pending next;
    try {
      next = pending.add(limited, p.browser(), user.subject());
    } catch (IllegalStateException e) {
      return pages.error(503, "Too many sign-ins in progress; try again in a few minutes.");
    }
    return pages.consent(next, path, user.name());
  }

  /** The request with its scopes limited to what {@code user} may grant. */
  private PendingRequests.Request limited(PendingRequests.Request r, User user) {
    return new PendingRequests.Request(
        r.client(), r.redirectUri(), r.state(), r.codeChallenge(), scopes.forUser(r.scopes(), user), r.resource());
  }

  private HttpReply issue(PendingRequests.Request r, User user) {
    String code = Hashes.random(32);
    store.saveCode(
        new AuthorizationCode(
            Hashes.sha256(code), r.client().clientId(), user.subject(), URI.create(r.redirectUri()),
            r.codeChallenge(), Set.copyOf(r.scopes()), r.resource(), clock.instant().plus(codeTtl)));
    LOG.info("authorize: {} authorized client {} for [{}]", user.subject(), r.client().clientId(), String.join(" ", r.scopes()));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (r.state() != null) {
      params.put("state", r.state());
    }
    params.put("iss", issuer.toString());
    return HttpReply.redirect(append(r.redirectUri(), params));
  }

  private HttpReply back(String redirect, String state, String error, String description) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    if (state != null) {
      params.put("state", state);
    }
    params.put("iss", issuer.toString());
    return HttpReply.redirect(append(redirect, params));
  }

  static String append(String uri, Map<String, String> params) {
    List<String> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return uri + (uri.contains("?") ? "&" : "?") + String.join("&", pairs);
  }
}
