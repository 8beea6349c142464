package dev.gatehouse.mcp.auth.internal;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds an issuer's JWKS URI from its metadata: RFC 8414 first, then OpenID Connect discovery,
 * with the path-insertion rule for issuers that have a path. The metadata's {@code issuer} must
 * equal the configured one exactly (RFC 8414 section 3.3).
 */
public final class IssuerMetadata {

  private IssuerMetadata() {}

  /** The metadata URLs to try, in order. */
  public static List<URI> candidates(URI issuer) {
    String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    String path = issuer.getRawPath() == null ? "" : issuer.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    List<URI> urls = new ArrayList<>();
    // the order the MCP authorization spec gives: RFC 8414 and OIDC with path insertion first,
    // then OIDC with the path appended
    urls.add(URI.create(origin + "/.well-known/oauth-authorization-server" + path));
    if (!path.isEmpty()) {
      urls.add(URI.create(origin + "/.well-known/openid-configuration" + path));
    }
    urls.add(URI.create(origin + path + "/.well-known/openid-configuration"));
    return urls;
  }

  /** The JWKS URI the issuer publishes; throws {@link IOException} when none can be found. */
  public static URI jwksUri(URI issuer, ResourceRetriever retriever) throws IOException {
    List<String> failures = new ArrayList<>();
    for (URI candidate : candidates(issuer)) {
      try {
        URL url = candidate.toURL();
        Resource document = retriever.retrieveResource(url);
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.parse(document.getContent());
        if (!metadata.getIssuer().getValue().equals(issuer.toString())) {
          failures.add(candidate + ": issuer is '" + metadata.getIssuer() + "', expected '" + issuer + "'");
          continue;
        }
        if (metadata.getJWKSetURI() == null) {
          failures.add(candidate + ": no jwks_uri");
          continue;
        }
        URI jwks = metadata.getJWKSetURI();
        if ("https".equals(issuer.getScheme()) && !"https".equals(jwks.getScheme())) {
          failures.add(candidate + ": jwks_uri must use https like the issuer: " + jwks);
          continue;
        }
        return metadata.getJWKSetURI();
      } catch (IOException | ParseException | RuntimeException e) {
        failures.add(candidate + ": " + e.getMessage());
      }
    }
    throw new IOException("no usable metadata for issuer " + issuer + " (" + String.join("; ", failures) + ")");
  }
}
