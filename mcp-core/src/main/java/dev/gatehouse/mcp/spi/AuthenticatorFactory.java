package dev.gatehouse.mcp.spi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Creates the {@link Authenticator} that deploy-time settings ask for
 * ({@code GATEHOUSE_AUTH_ISSUER} and friends). Found with {@link java.util.ServiceLoader};
 * {@code mcp-auth} provides the JWT one.
 *
 * <pre>{@code
 * // META-INF/services/dev.gatehouse.mcp.spi.AuthenticatorFactory
 * com.example.MyTokenAuthFactory
 * }</pre>
 */
public interface AuthenticatorFactory {

  /**
   * An authenticator for tokens from {@code issuer}, for the resource {@code resource}; empty when
   * this factory does not handle the settings.
   *
   * @param jwksUri the JWKS URI to use instead of discovery, or empty
   * @param extraAudiences audiences accepted besides the resource URI
   */
  Optional<Authenticator> create(
      URI issuer, URI resource, Optional<URI> jwksUri, List<String> extraAudiences);
}
