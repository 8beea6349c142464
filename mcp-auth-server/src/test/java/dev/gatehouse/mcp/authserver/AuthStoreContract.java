package dev.gatehouse.mcp.authserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.authserver.spi.AuthStore;
import dev.gatehouse.mcp.authserver.spi.AuthorizationCode;
import dev.gatehouse.mcp.authserver.spi.Consent;
import dev.gatehouse.mcp.authserver.spi.RefreshToken;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthStore} must do, run once per implementation by a subclass that says how
 * to make a fresh, empty store. Instants are whole milliseconds: the precision stores must keep.
 */
abstract class AuthStoreContract {

  static final Instant NOW = Instant.parse("2025-06-01T10:15:30.123Z");
  static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");
  static final int THREADS = 8;

  /** The store under test; subclasses may replace it (and the contract closes the last one). */
  protected AuthStore store;

  /** A new, empty store. */
  protected abstract AuthStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---- clients

  @Test
  void aClientIsLoadedWithEveryFieldItWasSavedWith() {
    RegisteredClient client = confidentialClient("c-1");
    store.saveClient(client);

    assertEquals(Optional.of(client), store.client("c-1"));
  }

  @Test
  void aPublicClientKeepsItsEmptySecretNameAndScopes() {
    RegisteredClient client =
        new RegisteredClient(
            "https://app.example/client.json",
            "",
            "",
            List.of(URI.create("http://127.0.0.1/callback")),
            Set.of("authorization_code"),
            "none",
            "native",
            Set.of(),
            NOW,
            "{}");
    store.saveClient(client);

    RegisteredClient loaded = store.client("https://app.example/client.json").orElseThrow();
    assertEquals(client, loaded);
    assertFalse(loaded.confidential());
  }

  @Test
  void redirectUrisKeepTheirOrder() {
    List<URI> uris =
        List.of(
            URI.create("https://b.example/cb"),
            URI.create("https://a.example/cb?x=1&y=2"),
            URI.create("http://localhost:3000/cb"));
    store.saveClient(withRedirects(confidentialClient("c-1"), uris));

    assertEquals(uris, store.client("c-1").orElseThrow().redirectUris());
  }

  @Test
  void savingAClientAgainReplacesIt() {
    store.saveClient(confidentialClient("c-1"));
    RegisteredClient replacement =
        new RegisteredClient(
            "c-1",
            "sha256:new",
            "Renamed",
            List.of(URI.create("https://new.example/cb")),
            Set.of("authorization_code"),
            "client_secret_post",
            "web",
            Set.of("todo:read"),
            NOW.plusSeconds(60),
            "{\"client_name\":\"Renamed\"}");
    store.saveClient(replacement);

    assertEquals(Optional.of(replacement), store.client("c-1"));
  }

  @Test
  void anUnknownClientIsNotFound() {
    store.saveClient(confidentialClient("c-1"));

    assertEquals(Optional.empty(), store.client("c-2"));
  }

  // ---- consents

  @Test
  void aConsentIsLoadedAsItWasSaved() {
    Consent consent = new Consent("alice", "c-1", Set.of("todo:read", "todo:write"), NOW);
    store.saveConsent(consent);

    assertEquals(Optional.of(consent), store.consent("alice", "c-1"));
  }

  @Test
  void savingAConsentAgainReplacesIt() {
    store.saveConsent(new Consent("alice", "c-1", Set.of("todo:read"), NOW));
    Consent wider =
        new Consent("alice", "c-1", Set.of("todo:read", "todo:write"), NOW.plusSeconds(5));
    store.saveConsent(wider);

    assertEquals(Optional.of(wider), store.consent("alice", "c-1"));
    assertEquals(List.of(wider), store.consents("alice"));
  }

  @Test
  void anUnknownConsentIsNotFound() {
    store.saveConsent(new Consent("alice", "c-1", Set.of("todo:read"), NOW));

    assertEquals(Optional.empty(), store.consent("alice", "c-2"));
    assertEquals(Optional.empty(), store.consent("bob", "c-1"));
  }

  @Test
  void aUsersConsentsAreListedOldestFirst() {
    Consent newest = new Consent("alice", "c-1", Set.of("a"), NOW.plusSeconds(20));
    Consent oldest = new Consent("alice", "c-2", Set.of("b"), NOW);
    Consent middle = new Consent("alice", "c-3", Set.of(), NOW.plusSeconds(10));
    store.saveConsent(newest);
    store.saveConsent(oldest);
    store.saveConsent(middle);
    store.saveConsent(new Consent("bob", "c-1", Set.of("a"), NOW.plusSeconds(15)));

    assertEquals(List.of(oldest, middle, newest), store.consents("alice"));
  }

  @Test
  void aUserWithoutConsentsHasAnEmptyList() {
    assertEquals(List.of(), store.consents("nobody"));
  }

  @Test
  void revokingAConsentForgetsIt() {
    store.saveConsent(new Consent("alice", "c-1", Set.of("todo:read"), NOW));
    Consent other = new Consent("alice", "c-2", Set.of("todo:read"), NOW);
    store.saveConsent(other);

    store.revokeConsent("alice", "c-1");

    assertEquals(Optional.empty(), store.consent("alice", "c-1"));
    assertEquals(List.of(other), store.consents("alice"));
  }

  @Test
  void revokingAConsentRevokesThatClientsRefreshTokens() {
    store.saveConsent(new Consent("alice", "c-1", Set.of("todo:read"), NOW));
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));
    store.saveRefreshToken(token("t-2", "f-2", "c-1", "alice"));

    store.revokeConsent("alice", "c-1");

    assertEquals(Optional.empty(), store.refreshToken("t-1"));
    assertEquals(Optional.empty(), store.refreshToken("t-2"));
  }

  @Test
  void revokingAConsentKeepsOtherClientsAndUsersRefreshTokens() {
    RefreshToken otherClient = token("t-2", "f-2", "c-2", "alice");
    RefreshToken otherUser = token("t-3", "f-3", "c-1", "bob");
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));
    store.saveRefreshToken(otherClient);
    store.saveRefreshToken(otherUser);

    store.revokeConsent("alice", "c-1");

    assertEquals(Optional.of(otherClient), store.refreshToken("t-2"));
    assertEquals(Optional.of(otherUser), store.refreshToken("t-3"));
  }

  // ---- authorization codes

  @Test
  void aTakenCodeHasEveryFieldItWasSavedWith() {
    AuthorizationCode code = code("h-1", NOW.plusSeconds(600));
    store.saveCode(code);

    assertEquals(Optional.of(code), store.takeCode("h-1"));
  }

  @Test
  void aCodeCanBeTakenOnlyOnce() {
    store.saveCode(code("h-1", NOW.plusSeconds(600)));

    assertTrue(store.takeCode("h-1").isPresent());
    assertEquals(Optional.empty(), store.takeCode("h-1"));
  }

  @Test
  void anUnknownCodeCannotBeTaken() {
    store.saveCode(code("h-1", NOW.plusSeconds(600)));

    assertEquals(Optional.empty(), store.takeCode("h-2"));
  }

  @Test
  void ofConcurrentTakersExactlyOneGetsTheCode() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 20; round++) {
        String hash = "h-" + round;
        store.saveCode(code(hash, NOW.plusSeconds(600)));

        List<Optional<AuthorizationCode>> taken = race(pool, () -> store.takeCode(hash));

        assertEquals(1, taken.stream().filter(Optional::isPresent).count(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- refresh tokens

  @Test
  void aRefreshTokenIsLoadedAsItWasSaved() {
    RefreshToken token = token("t-1", "f-1", "c-1", "alice");
    store.saveRefreshToken(token);

    assertEquals(Optional.of(token), store.refreshToken("t-1"));
  }

  @Test
  void anUnknownRefreshTokenIsNotFound() {
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));

    assertEquals(Optional.empty(), store.refreshToken("t-2"));
  }

  @Test
  void aRefreshTokenCanBeMarkedUsedOnlyOnce() {
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));

    assertTrue(store.markUsed("t-1"));
    assertFalse(store.markUsed("t-1"));
  }

  @Test
  void aUsedRefreshTokenIsStillFoundAndSaysItWasUsed() {
    RefreshToken saved = token("t-1", "f-1", "c-1", "alice");
    store.saveRefreshToken(saved);
    store.markUsed("t-1");

    RefreshToken used =
        new RefreshToken(
            "t-1", "f-1", "c-1", "alice", saved.scopes(), RESOURCE, saved.expiresAt(), true);
    assertEquals(Optional.of(used), store.refreshToken("t-1"));
  }

  @Test
  void anUnknownRefreshTokenCannotBeMarkedUsed() {
    assertFalse(store.markUsed("t-1"));
  }

  @Test
  void ofConcurrentCallersExactlyOneMarksATokenUsed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 20; round++) {
        String hash = "t-" + round;
        store.saveRefreshToken(token(hash, "f-1", "c-1", "alice"));

        List<Boolean> marked = race(pool, () -> store.markUsed(hash));

        assertEquals(1, marked.stream().filter(Boolean::booleanValue).count(), "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void revokingAFamilyDeletesEveryTokenOfItAndNoOther() {
    RefreshToken otherFamily = token("t-3", "f-2", "c-1", "alice");
    store.saveRefreshToken(token("t-1", "f-1", "c-1", "alice"));
    store.saveRefreshToken(token("t-2", "f-1", "c-1", "alice"));
    store.saveRefreshToken(otherFamily);
    store.markUsed("t-1");

    store.revokeFamily("f-1");

    assertEquals(Optional.empty(), store.refreshToken("t-1"));
    assertEquals(Optional.empty(), store.refreshToken("t-2"));
    assertEquals(Optional.of(otherFamily), store.refreshToken("t-3"));
  }

  // ---- expiry

  @Test
  void purgingDeletesExpiredCodesAndKeepsLiveOnes() {
    AuthorizationCode live = code("live", NOW.plusMillis(1));
    AuthorizationCode due = code("due", NOW);
    store.saveCode(code("expired", NOW.minusMillis(1)));
    store.saveCode(live);
    store.saveCode(due);

    store.purgeExpired(NOW);

    assertEquals(Optional.empty(), store.takeCode("expired"));
    assertEquals(Optional.of(live), store.takeCode("live"));
    assertEquals(Optional.of(due), store.takeCode("due"));
  }

  @Test
  void purgingDeletesExpiredRefreshTokensAndKeepsLiveOnes() {
    RefreshToken live = token("live", "f-1", "c-1", "alice", NOW.plus(Duration.ofDays(30)));
    store.saveRefreshToken(token("expired", "f-1", "c-1", "alice", NOW.minusSeconds(1)));
    store.saveRefreshToken(live);

    store.purgeExpired(NOW);

    assertEquals(Optional.empty(), store.refreshToken("expired"));
    assertEquals(Optional.of(live), store.refreshToken("live"));
  }

  // ---- fixtures

  static RegisteredClient confidentialClient(String clientId) {
    return new RegisteredClient(
        clientId,
        "pbkdf2-sha256:600000:c2FsdA:aGFzaA",
        "Todo Desktop ✓",
        List.of(URI.create("https://app.example/callback"), URI.create("http://127.0.0.1/cb")),
        Set.of("authorization_code", "refresh_token"),
        "client_secret_basic",
        "web",
        Set.of("todo:read", "todo:write", "openid"),
        NOW,
        "{\n  \"client_name\": \"Todo Desktop ✓\",\n  \"scope\": \"todo:read todo:write\"\n}");
  }

  static RegisteredClient withRedirects(RegisteredClient client, List<URI> redirectUris) {
    return new RegisteredClient(
        client.clientId(),
        client.secretHash(),
        client.name(),
        redirectUris,
        client.grantTypes(),
        client.tokenEndpointAuthMethod(),
        client.applicationType(),
        client.scopes(),
        client.issuedAt(),
        client.metadata());
  }

  static AuthorizationCode code(String hash, Instant expiresAt) {
    return new AuthorizationCode(
        hash,
        "c-1",
        "alice",
        URI.create("http://127.0.0.1:49152/callback"),
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Set.of("todo:read", "todo:write"),
        RESOURCE,
        expiresAt);
  }

  static RefreshToken token(String hash, String familyId, String clientId, String subject) {
    return token(hash, familyId, clientId, subject, NOW.plus(Duration.ofDays(30)));
  }

  static RefreshToken token(
      String hash, String familyId, String clientId, String subject, Instant expiresAt) {
    return new RefreshToken(
        hash, familyId, clientId, subject, Set.of("todo:read"), RESOURCE, expiresAt, false);
  }

  /** Runs {@code task} on every thread of {@code pool} at once; returns what each returned. */
  static <T> List<T> race(ExecutorService pool, Callable<T> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return task.call();
              }));
    }
    start.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      results.add(future.get(30, TimeUnit.SECONDS));
    }
    return results;
  }
}
