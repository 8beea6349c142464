package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.Caller;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each MCP session to the (issuer, subject) that created it, so a session id can't be used
 * with another caller's token. A refreshed token of the same user keeps working.
 */
final class SessionOwners {

  private record Owner(String key, long lastSeen) {}

  /** Longer than the SDK keeps an idle session (30 min); sessions with open streams stay known. */
  private static final long IDLE_MILLIS = Duration.ofHours(2).toMillis();

  private final Map<String, Owner> owners = new ConcurrentHashMap<>();
  private volatile long lastSweep = System.currentTimeMillis();

  private static String key(Caller caller) {
    return caller.issuer() + '\u0000' + caller.subject();
  }

  void claim(String sessionId, Caller caller) {
    long now = System.currentTimeMillis();
    owners.put(sessionId, new Owner(key(caller), now));
    if (now - lastSweep > IDLE_MILLIS / 4) {
      lastSweep = now;
      owners.values().removeIf(owner -> now - owner.lastSeen() > IDLE_MILLIS);
    }
  }

  /**
   * Whether {@code caller} may use the session. With authentication on, every session is created
   * through the gate, so one it doesn't know (never created, or idle past the limit) is refused
   * like a foreign one and the client starts a new session.
   */
  boolean allowed(String sessionId, Caller caller) {
    Owner owner = owners.get(sessionId);
    if (owner == null) {
      return false;
    }
    if (!owner.key().equals(key(caller))) {
      return false;
    }
    owners.put(sessionId, new Owner(owner.key(), System.currentTimeMillis()));
    return true;
  }

  /** Whether the session was created through this gate (and so is known to be live). */
  boolean knows(String sessionId) {
    return sessionId != null && owners.containsKey(sessionId);
  }

  void forget(String sessionId) {
    owners.remove(sessionId);
  }
}
