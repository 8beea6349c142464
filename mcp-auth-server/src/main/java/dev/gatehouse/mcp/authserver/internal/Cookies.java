package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.spi.HttpExchange;
import java.time.Duration;
import java.util.Optional;

/**
 * The browser cookies of the login flow: {@code __Host-} prefixed, {@code Secure},
 * {@code HttpOnly}, {@code SameSite=Lax}; on http loopback in development the prefix and
 * {@code Secure} are left out (browsers would drop them).
 */
public final class Cookies {

  public static final String BROWSER = "gh_browser";
  public static final String SESSION = "gh_session";

  private final boolean secure;

  public Cookies(boolean secure) {
    this.secure = secure;
  }

  public Optional<String> read(HttpExchange exchange, String name) {
    return exchange.cookie(secure ? "__Host-" + name : name);
  }

  /** A {@code Set-Cookie} value; {@code maxAge} null for a browser-session cookie. */
  public String set(String name, String value, Duration maxAge) {
    StringBuilder cookie = new StringBuilder(secure ? "__Host-" : "").append(name).append('=').append(value);
    cookie.append("; Path=/; HttpOnly; SameSite=Lax");
    if (secure) {
      cookie.append("; Secure");
    }
    if (maxAge != null) {
      cookie.append("; Max-Age=").append(maxAge.toSeconds());
    }
    return cookie.toString();
  }

  public String clear(String name) {
    return set(name, "", Duration.ZERO);
  }
}
