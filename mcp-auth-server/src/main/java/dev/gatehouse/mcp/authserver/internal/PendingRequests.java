package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.User;
import dev.gatehouse.mcp.authserver.spi.RegisteredClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization requests waiting for a person to log in and consent, and the login sessions of
 * people who did. Each pending request is bound to the browser that started it (a cookie) and
 * carries its own CSRF token; both live 10 minutes. Kept in memory: a restart asks people to log
 * in again, which loses nothing.
 */
public final class PendingRequests {

  static final Duration PENDING_TTL = Duration.ofMinutes(10);
  static final int MAX_PENDING = 10_000;

  private final Clock clock;
  private final Duration sessionTtl;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A validated authorization request. */
  public record Request(
      RegisteredClient client,
      String redirectUri,
      String state,
      String codeChallenge,
      List<String> scopes,
      URI resource) {}

  /**
   * A request waiting in one browser: its id, the browser binding, the form's CSRF token, and
   * the user it was shown to for consent (empty while it waits for a sign-in).
   */
  public record Pending(String id, String browser, String csrf, Request request, Instant expires, String consentFor) {

    /** Whether this request waits for {@code subject}'s consent (not for a sign-in). */
    public boolean awaitsConsentOf(String subject) {
      return !consentFor.isEmpty() && consentFor.equals(subject);
    }
  }

  /** A logged-in person in one browser. */
  public record Session(User user, Instant expires) {}

  public PendingRequests(Clock clock, Duration sessionTtl) {
    this.clock = clock;
    this.sessionTtl = sessionTtl;
  }

  /** Remembers a request waiting for a sign-in in the browser identified by {@code browser}. */
  public Pending add(Request request, String browser) {
    return add(request, browser, "");
  }

  /**
   * Remembers a request waiting for {@code subject}'s consent ({@code ""} for one waiting for a
   * sign-in).
   *
   * @throws IllegalStateException when too many requests are pending
   */
  public Pending add(Request request, String browser, String subject) {
    if (pending.size() >= MAX_PENDING) {
      purge();
    }
    if (pending.size() >= MAX_PENDING) {
      throw new IllegalStateException("too many pending authorization requests");
    }
    Pending p = new Pending(
        Hashes.random(18), browser, Hashes.random(24), request, clock.instant().plus(PENDING_TTL), subject);
    pending.put(p.id(), p);
    return p;
  }

  /**
   * The pending request {@code id} if it belongs to {@code browser} and {@code csrf} matches;
   * empty otherwise (expired, forged, or from another browser).
   */
  public Optional<Pending> find(String id, String browser, String csrf) {
    Pending p = id == null ? null : pending.get(id);
    if (p == null || p.expires().isBefore(clock.instant())) {
      return Optional.empty();
    }
    if (browser == null || csrf == null || !Hashes.same(p.browser(), browser) || !Hashes.same(p.csrf(), csrf)) {
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /** Ends a pending request (answered or refused): its form cannot be posted again. */
  public void remove(String id) {
    pending.remove(id);
  }

  /** Starts a login session; returns its cookie value. */
  public String login(User user) {
    String id = Hashes.random(32);
    sessions.put(Hashes.sha256(id), new Session(user, clock.instant().plus(sessionTtl)));
    return id;
  }

  /** The logged-in user of a session cookie. */
  public Optional<User> user(String sessionCookie) {
    if (sessionCookie == null || sessionCookie.length() > 100) {
      return Optional.empty();
    }
    Session session = sessions.get(Hashes.sha256(sessionCookie));
    if (session == null || session.expires().isBefore(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(session.user());
  }

  /** Forgets expired requests and sessions (when full, and from the janitor). */
  public void purge() {
    Instant now = clock.instant();
    pending.values().removeIf(p -> p.expires().isBefore(now));
    sessions.values().removeIf(s -> s.expires().isBefore(now));
  }
}
