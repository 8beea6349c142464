package dev.gatehouse.mcp.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };
  private final AtomicReference<Set<String>> published = new AtomicReference<>(Set.of("k1"));

  private Caller caller(long expiresInSeconds) {
    return new Caller("iss", "alice", "client", Set.of(), Map.of(), now.get().plusSeconds(expiresInSeconds));
  }

  @Test
  void aVerifiedTokenIsRememberedUntilItExpires() {
    VerifiedTokens cache = new VerifiedTokens(10, clock, published::get);
    Caller alice = caller(60);
    cache.put("token-a", alice, "k1");
    assertSame(alice, cache.get("token-a"));
    now.set(now.get().plusSeconds(59));
    assertSame(alice, cache.get("token-a"));
    now.set(now.get().plusSeconds(1));
    assertNull(cache.get("token-a"), "never past exp");
  }

  @Test
  void anEntryIsDroppedWhenItsKeyLeavesTheJwks() {
    VerifiedTokens cache = new VerifiedTokens(10, clock, published::get);
    cache.put("token-a", caller(60), "k1");
    published.set(Set.of("k2"));
    assertNull(cache.get("token-a"));
    assertEquals(0, cache.size());
  }

  @Test
  void hmacEntriesHangOnNoKey() {
    VerifiedTokens cache = new VerifiedTokens(10, clock, published::get);
    cache.put("token-h", caller(60), "");
    published.set(Set.of());
    assertTrue(cache.get("token-h") != null);
  }

  @Test
  void theCacheStaysBounded() {
    VerifiedTokens cache = new VerifiedTokens(100, clock, published::get);
    for (int i = 0; i < 1000; i++) {
      cache.put("token-" + i, caller(60), "k1");
    }
    assertTrue(cache.size() <= 100, "size " + cache.size());
  }

  @Test
  void expiredTokensAreNotCached() {
    VerifiedTokens cache = new VerifiedTokens(10, clock, published::get);
    cache.put("old", caller(0), "k1");
    assertEquals(0, cache.size());
  }

  @Test
  void differentTokensNeverShareAnEntry() {
    VerifiedTokens cache = new VerifiedTokens(10, clock, published::get);
    cache.put("token-a", caller(60), "k1");
    assertNull(cache.get("token-b"));
  }

  @Test
  void anIntrospectionAnswerIsKeptAtMostItsMaximumAge() {
    VerifiedTokens cache = VerifiedTokens.forAtMost(10, java.time.Duration.ofSeconds(30), clock);
    Caller alice = caller(3600);
    cache.put("opaque", alice, null);
    now.set(now.get().plusSeconds(29));
    assertSame(alice, cache.get("opaque"));
    now.set(now.get().plusSeconds(1));
    assertNull(cache.get("opaque"), "the maximum age caps a far exp");
  }

  @Test
  void anAnswerWithoutExpiryIsKeptItsMaximumAgeAndAnEarlierExpiryWins() {
    VerifiedTokens cache = VerifiedTokens.forAtMost(10, java.time.Duration.ofSeconds(30), clock);
    cache.put("no-exp", new Caller("iss", "bob", "client", Set.of(), Map.of(), Instant.MAX), null);
    cache.put("soon", caller(10), null);
    now.set(now.get().plusSeconds(10));
    assertNull(cache.get("soon"), "never past exp");
    assertTrue(cache.get("no-exp") != null);
    now.set(now.get().plusSeconds(20));
    assertNull(cache.get("no-exp"));
  }

  @Test
  void aMaximumAgeOfZeroKeepsNothing() {
    VerifiedTokens cache = VerifiedTokens.forAtMost(10, java.time.Duration.ZERO, clock);
    cache.put("opaque", caller(60), null);
    assertEquals(0, cache.size());
  }
}
