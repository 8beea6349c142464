package dev.gatehouse.mcp.auth.internal;

import dev.gatehouse.mcp.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Callers of tokens whose signature and claims were already verified, so that a token sent with
 * every request is verified once: keyed by a SHA-256 hash of the token (never the token itself),
 * bounded, an entry never outliving the token's {@code exp}, and dropped as soon as the key that
 * signed it leaves the issuer's JWKS. Lock-free on the hit path.
 */
public final class VerifiedTokens {

  private record Entry(Caller caller, long untilMillis, String keyId) {}

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private final int maxEntries;
  private final Clock clock;
  private final Supplier<Set<String>> publishedKeyIds;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** A 256-bit hash as two longs and more: equality and hashing without strings. */
  private record Key(long a, long b, long c, long d) {}

  /**
   * @param publishedKeyIds the key ids the issuer publishes now (cheap: read from a cache)
   */
  public VerifiedTokens(int maxEntries, Clock clock, Supplier<Set<String>> publishedKeyIds) {
    this.maxEntries = maxEntries;
    this.clock = clock;
    this.publishedKeyIds = publishedKeyIds;
  }

  /** The caller of a token verified before, still unexpired and signed by a published key; else null. */
  public Caller get(String token) {
    if (maxEntries == 0) {
      return null;
    }
    Key key = key(token);
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.millis() >= entry.untilMillis()
        || (!entry.keyId().isEmpty() && !publishedKeyIds.get().contains(entry.keyId()))) {
      entries.remove(key, entry);
      return null;
    }
    return entry.caller();
  }

  /** Remembers a verified token's caller until the token expires. */
  public void put(String token, Caller caller, String keyId) {
    long until = caller.expiresAt().toEpochMilli();
    long now = clock.millis();
    if (until <= now || maxEntries == 0) {
      return;
    }
    if (entries.size() >= maxEntries) {
      evict(now);
    }
    entries.put(key(token), new Entry(caller, until, keyId == null ? "" : keyId));
  }

  public int size() {
    return entries.size();
  }

  /** Drops expired entries; if that is not enough, drops half (the cache refills from traffic). */
  private void evict(long now) {
    entries.values().removeIf(e -> e.untilMillis() <= now);
    if (entries.size() >= maxEntries) {
      int drop = entries.size() / 2;
      var it = entries.keySet().iterator();
      while (drop-- > 0 && it.hasNext()) {
        it.next();
        it.remove();
      }
    }
  }

  private static Key key(String token) {
    MessageDigest digest = SHA256.get();
    byte[] h = digest.digest(token.getBytes(StandardCharsets.US_ASCII));
    return new Key(longAt(h, 0), longAt(h, 8), longAt(h, 16), longAt(h, 24));
  }

  private static long longAt(byte[] b, int i) {
    long v = 0;
    for (int k = 0; k < 8; k++) {
      v = (v << 8) | (b[i + k] & 0xffL);
    }
    return v;
  }
}
