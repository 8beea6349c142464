package dev.gatehouse.mcp.auth;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;

/**
 * Renders {@code WWW-Authenticate: Bearer ...} challenges (RFC 6750, RFC 9728) in one place.
 *
 * <pre>{@code
 * response.setHeader("WWW-Authenticate", Challenge.insufficientScope(metadataUrl, List.of("todo:write")));
 * }</pre>
 *
 * <p>Values are quoted and escaped; scope tokens are validated by the caller's configuration, so
 * they never carry quotes.
 */
public final class Challenge {

  private Challenge() {}

  /**
   * The 401 challenge: no token, or a token that failed verification ({@code tokenSent}). Never
   * says why a token failed.
   */
  public static String unauthorized(URI resourceMetadata, Collection<String> scopes, boolean tokenSent) {
    StringBuilder header = new StringBuilder("Bearer");
    String separator = " ";
    if (tokenSent) {
      header.append(separator).append("error=\"invalid_token\"");
      separator = ", ";
    }
    header.append(separator).append("resource_metadata=").append(quote(resourceMetadata.toString()));
    if (!scopes.isEmpty()) {
      header.append(", scope=").append(quote(String.join(" ", scopes)));
    }
    return header.toString();
  }

  /**
   * The 403 challenge for a valid token that lacks scopes: {@code scope} lists every scope the
   * operation needs, so that the client can step up in one round.
   */
  public static String insufficientScope(URI resourceMetadata, Collection<String> scopes) {
    return "Bearer error=\"insufficient_scope\", scope="
        + quote(String.join(" ", scopes))
        + ", resource_metadata="
        + quote(resourceMetadata.toString());
  }

  static String quote(String value) {
    Objects.requireNonNull(value, "value");
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
