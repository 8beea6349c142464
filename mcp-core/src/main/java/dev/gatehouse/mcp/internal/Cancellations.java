package dev.gatehouse.mcp.internal;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests in flight, by session and JSON-RPC id, so that {@code notifications/cancelled} (which
 * the transport sees first) can reach the tool through {@code ToolContext.isCancelled()}.
 */
public final class Cancellations {

  private final ConcurrentHashMap<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();

  private static String key(String sessionId, Object requestId) {
    return sessionId + '\u0000' + Objects.toString(requestId);
  }

  /** Registers a request; the flag flips when it is cancelled. Pair with {@link #end}. */
  AtomicBoolean begin(String sessionId, Object requestId) {
    AtomicBoolean flag = new AtomicBoolean();
    if (sessionId != null && requestId != null) {
      inFlight.put(key(sessionId, requestId), flag);
    }
    return flag;
  }

  void end(String sessionId, Object requestId) {
    if (sessionId != null && requestId != null) {
      inFlight.remove(key(sessionId, requestId));
    }
  }

  /** Marks a request cancelled; unknown or finished requests are ignored. */
  public void cancel(String sessionId, Object requestId) {
    AtomicBoolean flag = inFlight.get(key(sessionId, requestId));
    if (flag != null) {
      flag.set(true);
    }
  }

  /** How many requests are registered (for tests and metrics). */
  public int size() {
    return inFlight.size();
  }
}
