package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.PasswordHash;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates the client at the token and revocation endpoints: {@code client_secret_basic},
 * {@code client_secret_post}, or {@code none} (public clients send only {@code client_id}).
 */
public final class ClientAuthentication {

  private final ClientRegistry clients;
  /** Secret checks per client: each one costs a PBKDF2 hash, so guessing is limited. */
  private final RateLimiter secretChecks;

  /** The client, or the error reply to send. */
  public record Outcome(RegisteredClient client, HttpReply error) {}

  public ClientAuthentication(ClientRegistry clients, RateLimiter secretChecks) {
    this.clients = clients;
    this.secretChecks = secretChecks;
  }

  public Outcome authenticate(HttpExchange exchange) {
    String id = null;
    String secret = null;
    boolean basic = false;
    Optional<String> header = exchange.header("authorization");
    if (header.isPresent() && header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
      basic = true;
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return fail(true, "malformed Basic authorization header");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        return fail(true, "malformed Basic authorization header");
      }
      try {
        // RFC 6749 2.3.1: both parts are form-urlencoded before base64
        id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return fail(true, "malformed Basic authorization header");
      }
      if (exchange.param("client_secret").isPresent()) {
        return new Outcome(null, OAuthReplies.error(400, "invalid_request", "use one client authentication method, not two"));
      }
      String formId = exchange.param("client_id").orElse(id);
      if (!formId.equals(id)) {
        return new Outcome(null, OAuthReplies.error(400, "invalid_request", "client_id differs from the authenticated client"));
      }
    } else {
      id = exchange.param("client_id").orElse(null);
      secret = exchange.param("client_secret").orElse(null);
    }
    if (exchange.count("client_id") > 1 || exchange.count("client_secret") > 1) {
      return new Outcome(null, OAuthReplies.error(400, "invalid_request", "client_id or client_secret repeated"));
    }
    if (id == null || id.isEmpty()) {
      return fail(basic, "client authentication is required (client_id)");
    }
    RegisteredClient client;
    try {
      client = clients.find(id).orElse(null);
    } catch (ClientRegistry.InvalidClientMetadata e) {
      return fail(basic, e.getMessage());
    }
    if (client == null) {
      return fail(basic, "unknown client");
    }
    if (client.confidential()) {
      long wait = secretChecks.acquire(client.clientId());
      if (wait > 0) {
        return new Outcome(null, OAuthReplies.tooManyRequests(wait));
      }
      if (secret == null || !PasswordHash.matches(secret.toCharArray(), client.secretHash())) {
        return fail(basic, "client authentication failed");
      }
    } else if (secret != null && !secret.isEmpty()) {
      return fail(basic, "this is a public client: it has no secret");
    }
    return new Outcome(client, null);
  }

  private static Outcome fail(boolean basic, String description) {
    HttpReply reply = OAuthReplies.error(401, "invalid_client", description);
    return new Outcome(null, basic ? reply.with("WWW-Authenticate", "Basic realm=\"token\"") : reply);
  }
}
