package dev.gatehouse.mcp.auth.internal;

import dev.gatehouse.mcp.auth.JwtAuth;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.spi.AuthenticatorFactory;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Builds {@link JwtAuth} from deploy-time settings ({@code GATEHOUSE_AUTH_ISSUER} and friends). */
public final class JwtAuthFactory implements AuthenticatorFactory {

  @Override
  public Optional<Authenticator> create(
      URI issuer, URI resource, Optional<URI> jwksUri, List<String> extraAudiences) {
    JwtAuth.Builder builder = JwtAuth.builder(issuer.toString(), resource.toString());
    jwksUri.ifPresent(uri -> builder.jwksUri(uri.toString()));
    builder.audiences(extraAudiences.toArray(String[]::new));
    return Optional.of(builder.build());
  }
}
