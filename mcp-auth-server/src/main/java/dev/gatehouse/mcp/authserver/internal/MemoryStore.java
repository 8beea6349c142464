package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link AuthStore} in concurrent maps: everything is forgotten when the process ends. Used
 * by tests and by servers that accept losing their clients and sessions on restart.
 *
 * <pre>{@code
 * AuthStore store = AuthStore.inMemory();
 * }</pre>
 */
public final class MemoryStore implements AuthStore {

  private static final Comparator<Consent> OLDEST_FIRST =
      Comparator.comparing(Consent::grantedAt).thenComparing(Consent::clientId);

  private final ConcurrentMap<String, RegisteredClient> clients = new ConcurrentHashMap<>();
  private final ConcurrentMap<Grant, Consent> consents = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RefreshToken> tokens = new ConcurrentHashMap<>();

  public MemoryStore() {}

  @Override
  public void saveClient(RegisteredClient client) {
    clients.put(client.clientId(), client);
  }

  @Override
  public Optional<RegisteredClient> client(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }

  @Override
  public void saveConsent(Consent consent) {
    consents.put(new Grant(consent.subject(), consent.clientId()), consent);
  }

  @Override
  public Optional<Consent> consent(String subject, String clientId) {
    return Optional.ofNullable(consents.get(new Grant(subject, clientId)));
  }

  @Override
  public List<Consent> consents(String subject) {
    return consents.values().stream()
        .filter(consent -> consent.subject().equals(subject))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  @Override
  public void revokeConsent(String subject, String clientId) {
    consents.remove(new Grant(subject, clientId));
    tokens.values().removeIf(t -> t.subject().equals(subject) && t.clientId().equals(clientId));
  }

  @Override
  public void saveCode(AuthorizationCode code) {
    codes.put(code.codeHash(), code);
  }

  @Override
  public Optional<AuthorizationCode> takeCode(String codeHash) {
    return Optional.ofNullable(codes.remove(codeHash));
  }

  @Override
  public void saveRefreshToken(RefreshToken token) {
    tokens.put(token.tokenHash(), token);
  }

  @Override
  public Optional<RefreshToken> refreshToken(String tokenHash) {
    return Optional.ofNullable(tokens.get(tokenHash));
  }

  @Override
  public boolean markUsed(String tokenHash) {
    boolean[] marked = {false};
    tokens.computeIfPresent(
        tokenHash,
        (hash, token) -> {
          if (token.used()) {
            return token;
          }
          marked[0] = true;
          return used(token);
        });
    return marked[0];
  }

  @Override
  public void revokeFamily(String familyId) {
    tokens.values().removeIf(token -> token.familyId().equals(familyId));
  }

  @Override
  public void purgeExpired(Instant now) {
    codes.values().removeIf(code -> code.expiresAt().isBefore(now));
    tokens.values().removeIf(token -> token.expiresAt().isBefore(now));
  }

  @Override
  public void close() {}

  private static RefreshToken used(RefreshToken token) {
    return new RefreshToken(
        token.tokenHash(),
        token.familyId(),
        token.clientId(),
        token.subject(),
        token.scopes(),
        token.resource(),
        token.expiresAt(),
        true);
  }

  /** The key of a consent: who granted it to which client. */
  private record Grant(String subject, String clientId) {}
}
