package dev.gatehouse.mcp;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the authenticated principal behind a request, or {@link #anonymous()} when the
 * server runs without authentication.
 *
 * <pre>{@code
 * String owner = ctx.caller().subject();
 * if (!ctx.caller().hasScope("todo:admin")) throw new ToolException("admins only");
 * }</pre>
 *
 * @param issuer the token issuer ({@code iss}), empty for anonymous callers
 * @param subject the subject ({@code sub}), {@code "anonymous"} for anonymous callers
 * @param clientId the OAuth client the token was issued to, empty when unknown
 * @param scopes the granted scopes
 * @param claims every claim of the token, for application-specific checks
 * @param expiresAt when the credential expires, {@link Instant#MAX} when it does not
 */
public record Caller(
    String issuer,
    String subject,
    String clientId,
    Set<String> scopes,
    Map<String, Object> claims,
    Instant expiresAt) {

  private static final Caller ANONYMOUS =
      new Caller("", "anonymous", "", Set.of(), Map.of(), Instant.MAX);

  public Caller {
    scopes = Set.copyOf(scopes);
    claims = Map.copyOf(claims);
  }

  /** The caller of a server that runs without authentication. */
  public static Caller anonymous() {
    return ANONYMOUS;
  }

  /** Whether this is the anonymous caller. */
  public boolean isAnonymous() {
    return issuer.isEmpty() && subject.equals("anonymous");
  }

  /** Whether the caller was granted {@code scope}. */
  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  /** A claim's value, if the token carries it. */
  public Optional<Object> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }
}
