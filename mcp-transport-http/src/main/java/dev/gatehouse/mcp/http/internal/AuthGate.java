package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.auth.Challenge;
import dev.gatehouse.mcp.internal.Access;
import dev.gatehouse.mcp.internal.Catalog;
import dev.gatehouse.mcp.internal.FilteredLists;
import dev.gatehouse.mcp.internal.PromptEntry;
import dev.gatehouse.mcp.internal.ResourceEntry;
import dev.gatehouse.mcp.internal.ToolEntry;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.spi.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The authentication and scope gate in front of the SDK: 401 with a challenge for a missing or
 * invalid token, 403 {@code insufficient_scope} naming every scope the operation needs. Logs one
 * line per decision, never the token.
 */
final class AuthGate {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.auth");

  private final Authenticator authenticator;
  private final Access access;
  private final Catalog catalog;
  private final Supplier<URI> metadataUrl;
  final SessionOwners owners = new SessionOwners();
  private final boolean filterLists;
  private final List<String> challengeScopes;
  private final java.util.Set<String> declared = new java.util.HashSet<>();

  AuthGate(
      Authenticator authenticator,
      Catalog catalog,
      Supplier<URI> metadataUrl,
      boolean filterLists,
      List<String> challengeScopes) {
    this.authenticator = authenticator;
    this.challengeScopes = List.copyOf(challengeScopes);
    declared.addAll(catalog.declaredScopes());
    this.access = Access.of(authenticator);
    this.catalog = catalog;
    this.metadataUrl = metadataUrl;
    this.filterLists = filterLists && FilteredLists.needed(catalog);
  }

  /** The caller, or null after answering 400/401 ({@code message} may be null for GET/DELETE). */
  Caller authenticate(HttpServletRequest req, HttpServletResponse res, JsonNode message)
      throws IOException {
    String method = message == null ? req.getMethod() : message.path("method").asString(req.getMethod());
    Object id = message == null ? null : JsonRpc.id(message);
    if (tokenInQuery(req.getQueryString())) {
      log(false, null, method, "token in query string");
      res.setHeader("WWW-Authenticate", "Bearer error=\"invalid_request\"");
      JsonErrors.send(res, 400, id, JsonErrors.INVALID_REQUEST,
          "send the access token in the Authorization header, not the URL");
      return null;
    }
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      log(false, null, method, header == null ? "no token" : "not a bearer token");
      res.setHeader("WWW-Authenticate", Challenge.unauthorized(metadataUrl.get(), needed(message), false));
      JsonErrors.send(res, 401, id, JsonErrors.TRANSPORT_ERROR, "authentication required");
      return null;
    }
    try {
      return authenticator.authenticate(header.substring(7).trim());
    } catch (InvalidTokenException e) {
      log(false, null, method, e.getMessage());
      res.setHeader("WWW-Authenticate", Challenge.unauthorized(metadataUrl.get(), needed(message), true));
      JsonErrors.send(res, 401, id, JsonErrors.TRANSPORT_ERROR, "invalid token");
      return null;
    }
  }

  /**
   * Whether the query string carries {@code access_token}, which RFC 6750 allows and OAuth 2.1
   * forbids. Only the query is read: a JSON body has no form parameters to parse.
   */
  static boolean tokenInQuery(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      try {
        if (java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8).equals("access_token")) {
          return true;
        }
      } catch (IllegalArgumentException malformed) {
        // a broken escape is not this parameter's name
      }
    }
    return false;
  }

  /**
   * The scopes named in a 401 challenge: those of the target when the request has one, else the
   * configured challenge scopes.
   */
  private List<String> needed(JsonNode message) {
    List<String> target = message == null ? List.of() : requiredScopes(message);
    return target.isEmpty() ? challengeScopes : target;
  }

  /** Whether the caller holds every scope the message's target needs; answers 403 otherwise. */
  boolean authorize(JsonNode message, Caller caller, HttpServletResponse res) throws IOException {
    String method = message.path("method").asString(null);
    List<String> needed = requiredScopes(message);
    List<String> missing = access.missing(needed, caller);
    if (!missing.isEmpty()) {
      log(false, caller, method + " " + target(message), "missing scopes " + missing);
      // name what the caller holds too: clients ask for exactly this, and must not lose scopes
      java.util.Set<String> ask = new java.util.LinkedHashSet<>();
      caller.scopes().stream().filter(declared::contains).forEach(ask::add);
      ask.addAll(needed);
      res.setHeader("WWW-Authenticate", Challenge.insufficientScope(metadataUrl.get(), ask));
      JsonErrors.send(res, 403, JsonRpc.id(message), JsonErrors.TRANSPORT_ERROR,
          "insufficient scope: needs " + String.join(" ", needed));
      return false;
    }
    if (LOG.isDebugEnabled()) {
      log(true, caller, method == null ? "response" : method + " " + target(message), "ok");
    }
    return true;
  }

  /**
   * The caller's view of resources/list, resources/templates/list or prompts/list, when some
   * entry declares a scope (tools/list is filtered inside the SDK); empty to let the SDK answer.
   */
  java.util.Optional<String> filteredList(JsonNode message, Caller caller) {
    if (!filterLists) {
      return java.util.Optional.empty();
    }
    return FilteredLists.answer(
        message.path("method").asString(""), JsonRpc.id(message), catalog, access, caller);
  }

  /** The scopes the target of a tools/call, resources/read or prompts/get declares. */
  List<String> requiredScopes(JsonNode message) {
    String method = message.path("method").asString("");
    JsonNode params = message.path("params");
    switch (method) {
      case "tools/call":
        return catalog.tool(params.path("name").asString("")).map(ToolEntry::scopes).orElse(List.of());
      case "resources/read", "resources/subscribe", "resources/unsubscribe":
        return resourceScopes(params.path("uri").asString(""));
      case "prompts/get":
        return promptScopes(params.path("name").asString(""));
      case "completion/complete":
        JsonNode ref = params.path("ref");
        return "ref/prompt".equals(ref.path("type").asString(""))
            ? promptScopes(ref.path("name").asString(""))
            : resourceScopes(ref.path("uri").asString(""));
      default:
        return List.of();
    }
  }

  private List<String> resourceScopes(String uri) {
    return catalog.resources().stream()
        .filter(r -> r.matches(uri) || r.uri().equals(uri))
        .findFirst()
        .map(ResourceEntry::scopes)
        .orElse(List.of());
  }

  private List<String> promptScopes(String name) {
    return catalog.prompts().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .map(PromptEntry::scopes)
        .orElse(List.of());
  }

  private static String target(JsonNode message) {
    JsonNode params = message.path("params");
    String name = params.path("name").asString(params.path("uri").asString(""));
    return name.isEmpty() ? "" : "'" + name + "'";
  }

  private static void log(boolean allowed, Caller caller, String what, String reason) {
    if (allowed && !LOG.isDebugEnabled()) {
      return;
    }
    String who = caller == null ? "-" : caller.issuer() + "#" + caller.subject();
    String client = caller == null ? "-" : caller.clientId();
    String line = "decision={} caller={} client={} request={} reason={}";
    if (allowed) {
      LOG.debug(line, "allow", who, client, what, reason);
    } else {
      LOG.info(line, "deny", who, client, what, reason);
    }
  }
}
