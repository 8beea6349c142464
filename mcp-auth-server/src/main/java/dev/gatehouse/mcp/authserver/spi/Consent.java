package dev.gatehouse.mcp.authserver.spi;

import java.time.Instant;
import java.util.Set;

/**
 * A user's remembered consent: the scopes they granted a client.
 *
 * <pre>{@code
 * store.saveConsent(new Consent("alice", "https://app.example/client.json", Set.of("todo:read"), now));
 * }</pre>
 */
public record Consent(String subject, String clientId, Set<String> scopes, Instant grantedAt) {

  public Consent {
    scopes = Set.copyOf(scopes);
  }
}
