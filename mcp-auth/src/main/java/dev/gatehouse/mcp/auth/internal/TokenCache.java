package dev.gatehouse.mcp.auth.internal;

import dev.gatehouse.mcp.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verified callers by a SHA-256 hash of their token (the token itself is never kept), bounded in
 * size (least recently used first out), each entry dropped at its TTL or the token's expiry,
 * whichever comes first.
 */
public final class TokenCache {

  private record Entry(Caller caller, Instant until) {}

  private final int maxSize;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Entry> entries;

  public TokenCache(int maxSize, Duration ttl, Clock clock) {
    this.maxSize = maxSize;
    this.ttl = ttl;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > TokenCache.this.maxSize;
          }
        };
  }

  public synchronized Optional<Caller> get(String token) {
    String key = hash(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.until())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.caller());
  }

  public synchronized void put(String token, Caller caller) {
    if (maxSize == 0 || ttl.isZero()) {
      return;
    }
    Instant byTtl = clock.instant().plus(ttl);
    Instant until = caller.expiresAt().isBefore(byTtl) ? caller.expiresAt() : byTtl;
    entries.put(hash(token), new Entry(caller, until));
  }

  public synchronized int size() {
    return entries.size();
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
