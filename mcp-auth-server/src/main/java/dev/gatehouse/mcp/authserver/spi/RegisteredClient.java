package dev.gatehouse.mcp.authserver.spi;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A client the authorization server knows: registered dynamically (RFC 7591), configured, or
 * (cached) from a Client ID Metadata Document.
 *
 * <pre>{@code
 * store.saveClient(new RegisteredClient("c-123", "", "Claude", List.of(redirect), Set.of(
 *     "authorization_code", "refresh_token"), "none", "native", Set.of(), Instant.now(), "{}"));
 * }</pre>
 *
 * @param clientId the {@code client_id}
 * @param secretHash the client secret's hash ({@code sha256:...} or {@code pbkdf2-sha256:...}),
 *     empty for public clients
 * @param name the {@code client_name} shown on the consent page (may be empty)
 * @param redirectUris the registered redirect URIs, matched exactly (any port for loopback URIs
 *     of native clients)
 * @param grantTypes the grant types the client may use
 * @param tokenEndpointAuthMethod {@code none}, {@code client_secret_basic} or
 *     {@code client_secret_post}
 * @param applicationType {@code web} or {@code native}
 * @param scopes the scopes the client may ask for; empty for any scope the server offers
 * @param issuedAt when the client was registered
 * @param metadata the client's metadata as JSON, returned on registration
 */
public record RegisteredClient(
    String clientId,
    String secretHash,
    String name,
    List<URI> redirectUris,
    Set<String> grantTypes,
    String tokenEndpointAuthMethod,
    String applicationType,
    Set<String> scopes,
    Instant issuedAt,
    String metadata) {

  public RegisteredClient {
    redirectUris = List.copyOf(redirectUris);
    grantTypes = Set.copyOf(grantTypes);
    scopes = Set.copyOf(scopes);
  }

  /** Whether the client authenticates at the token endpoint. */
  public boolean confidential() {
    return !secretHash.isEmpty();
  }
}
