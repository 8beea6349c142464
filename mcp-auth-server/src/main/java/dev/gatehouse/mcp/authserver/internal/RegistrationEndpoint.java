package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import dev.gatehouse.mcp.spi.HttpExchange;
import dev.gatehouse.mcp.spi.HttpReply;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic Client Registration (RFC 7591): validates the metadata, issues a {@code client_id}
 * (and a secret to confidential clients, stored hashed), and returns the registered metadata.
 * The scopes a client names here do not limit it later: anyone may register, so they would
 * protect nothing, and clients ask for more scopes on step-up.
 */
public final class RegistrationEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");

  private final ClientRegistry clients;
  private final AuthStore store;
  private final RateLimiter perAddress;
  private final Clock clock;

  public RegistrationEndpoint(ClientRegistry clients, AuthStore store, RateLimiter perAddress, Clock clock) {
    this.clients = clients;
    this.store = store;
    this.perAddress = perAddress;
    this.clock = clock;
  }

  public HttpReply handle(HttpExchange exchange) {
    Optional<HttpReply> refused = OAuthReplies.refusedPost(exchange, perAddress);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!exchange.header("content-type").orElse("").toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return OAuthReplies.error(400, "invalid_client_metadata", "the body must be application/json");
    }
    Map<String, Object> json;
    try {
      if (!exchange.bodyText().trim().startsWith("{")) {
        throw new ParseException("not an object", 0);
      }
      json = JSONObjectUtils.parse(exchange.bodyText());
    } catch (ParseException e) {
      return OAuthReplies.error(400, "invalid_client_metadata", "the body is not a JSON object");
    }
    if (json.containsKey("client_id") || json.containsKey("client_secret")) {
      return OAuthReplies.error(400, "invalid_client_metadata", "client_id and client_secret are assigned by the server");
    }
    if (json.get("grant_types") instanceof java.util.List<?> g && g.contains("client_credentials")) {
      // a self-registered client would get tokens with no person consenting: configure it instead
      return OAuthReplies.error(400, "invalid_client_metadata",
          "client_credentials is only for clients configured on the server (serviceClient)");
    }
    boolean confidential =
        json.containsKey("token_endpoint_auth_method") && !"none".equals(json.get("token_endpoint_auth_method"));
    String clientId = Hashes.random(18);
    String[] secret = confidential ? ClientRegistry.newSecret() : null;
    Instant now = clock.instant();
    RegisteredClient client;
    try {
      client = clients.validate(clientId, secret == null ? "" : secret[1], json, now);
    } catch (ClientRegistry.InvalidClientMetadata e) {
      return OAuthReplies.error(400, e.error(), e.getMessage());
    }
    client = ClientRegistry.selfAsserted(client);
    store.saveClient(client);
    LOG.info("register: new {} client {} '{}'", client.confidential() ? "confidential" : "public",
        clientId, client.name().replaceAll("\\p{Cntrl}", "?"));
    Map<String, Object> body = new LinkedHashMap<>();
    try {
      body.putAll(JSONObjectUtils.parse(client.metadata()));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
    body.put("client_id_issued_at", now.getEpochSecond());
    if (secret != null) {
      body.put("client_secret", secret[0]);
      body.put("client_secret_expires_at", 0);
    }
    return OAuthReplies.ok(201, body);
  }
}
