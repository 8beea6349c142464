package dev.gatehouse.mcp.auth.internal;

import dev.gatehouse.mcp.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Callers of tokens already verified, so that a token sent with every request is verified once:
 * keyed by a SHA-256 hash of the token (never the token itself), bounded, an entry never outliving
 * the token's {@code exp} (nor a maximum age, for introspection answers), and a JWT's entry
 * dropped as soon as the key that signed it leaves the issuer's JWKS. Lock-free on the hit path.
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
  private final Duration maxAge;
  private final Clock clock;
  private final Supplier<Set<String>> publishedKeyIds;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** A 256-bit hash as two longs and more: equality and hashing without strings. */
  private record Key(long a, long b, long c, long d) {}

  /**
   * Verified JWTs, each kept until it expires or its key leaves the JWKS.
   *
   * @param publishedKeyIds the key ids the issuer publishes now (cheap: read from a cache)
   */
  public VerifiedTokens(int maxEntries, Clock clock, Supplier<Set<String>> publishedKeyIds) {
    this(maxEntries, null, clock, publishedKeyIds);
  }

  private VerifiedTokens(int maxEntries, Duration maxAge, Clock clock, Supplier<Set<String>> publishedKeyIds) {
    this.maxEntries = maxAge != null && maxAge.isZero() ? 0 : maxEntries;
    this.maxAge = maxAge;
    this.clock = clock;
    this.publishedKeyIds = publishedKeyIds;
  }

  /** Answers about opaque tokens, each kept at most {@code maxAge} (zero keeps none) and never past {@code exp}. */
  public static VerifiedTokens forAtMost(int maxEntries, Duration maxAge, Clock clock) {
    return new VerifiedTokens(maxEntries, maxAge, clock, Set::of);
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

  /** Remembers a verified token's caller until the token expires (or its maximum age passes). */
  public void put(String token, Caller caller, String keyId) {
    long now = clock.millis();
    long until = millis(caller.expiresAt());
    if (maxAge != null) {
      until = Math.min(until, now + maxAge.toMillis());
    }
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

  /** Epoch milliseconds, saturated: an introspection answer without {@code exp} may say {@link Instant#MAX}. */
  private static long millis(Instant instant) {
    return instant.isAfter(LATEST) ? Long.MAX_VALUE : instant.toEpochMilli();
  }

  private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

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
