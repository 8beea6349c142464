package dev.gatehouse.mcp.authserver.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (an IP address, a client id): {@code perMinute} requests a minute with
 * bursts up to {@code burst}. Bounded: when too many keys are tracked, idle ones are dropped.
 */
public final class RateLimiter {

  private static final int MAX_KEYS = 50_000;

  private final double perMilli;
  private final double burst;
  private final Clock clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  public RateLimiter(int perMinute, int burst, Clock clock) {
    this.perMilli = perMinute / 60_000.0;
    this.burst = burst;
    this.clock = clock;
  }

  /** 0 when a request for {@code key} may go ahead, else the seconds to wait. */
  public long acquire(String key) {
    long now = clock.millis();
    if (buckets.size() > MAX_KEYS) {
      buckets.entrySet().removeIf(e -> now - e.getValue().updated > 120_000);
    }
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perMilli);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - bucket.tokens) / perMilli / 1000.0);
    }
  }
}
