package dev.gatehouse.mcp.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Caller caller(Instant expires) {
    return new Caller("iss", "sub", "client", Set.of(), Map.of(), expires);
  }

  @Test
  void entriesNeverOutliveTheTokenExpiry() {
    TokenCache early = new TokenCache(10, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
    early.put("t", caller(NOW.plusSeconds(30)));
    assertTrue(early.get("t").isPresent());
    TokenCache later = new TokenCache(10, Duration.ofHours(1), Clock.fixed(NOW.plusSeconds(31), ZoneOffset.UTC));
    later.put("t", caller(NOW.plusSeconds(30)));
    assertFalse(later.get("t").isPresent());
  }

  @Test
  void theLeastRecentlyUsedEntryLeavesFirst() {
    TokenCache cache = new TokenCache(2, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
    cache.put("a", caller(Instant.MAX));
    cache.put("b", caller(Instant.MAX));
    cache.get("a");
    cache.put("c", caller(Instant.MAX));
    assertEquals(2, cache.size());
    assertTrue(cache.get("a").isPresent());
    assertFalse(cache.get("b").isPresent());
  }

  @Test
  void tokensAreKeptOnlyAsHashes() {
    assertEquals(64, TokenCache.hash("secret-token").length());
    assertFalse(TokenCache.hash("secret-token").contains("secret"));
  }
}
