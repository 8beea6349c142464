package dev.gatehouse.mcp.authserver.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which redirect URIs a client may register, and whether a requested one matches: https
 * anywhere; http only on loopback (RFC 8252); private-use schemes ({@code com.example.app:/cb})
 * only for native clients; never fragments, user info or script-capable schemes. Matching is
 * exact, except that a native client's loopback redirect URI matches any port.
 */
public final class RedirectUris {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "localhost");
  private static final Set<String> FORBIDDEN_SCHEMES =
      Set.of("javascript", "data", "file", "vbscript", "about", "blob", "ftp", "ws", "wss");

  private RedirectUris() {}

  /** Why {@code value} cannot be registered, or {@code null} when it can. */
  public static String problem(String value, boolean nativeApp) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return "redirect URI is not a valid URI: " + value;
    }
    if (!uri.isAbsolute() || uri.getScheme() == null) {
      return "redirect URI must be absolute: " + value;
    }
    if (uri.getRawFragment() != null || value.contains("#")) {
      return "redirect URI must not contain a fragment: " + value;
    }
    if (uri.getRawUserInfo() != null) {
      return "redirect URI must not contain user info: " + value;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return uri.getHost() == null ? "redirect URI has no host: " + value : null;
    }
    if (scheme.equals("http")) {
      return uri.getHost() != null && loopback(uri)
          ? null
          : "http redirect URIs are allowed only on loopback (127.0.0.1, [::1], localhost): " + value;
    }
    if (FORBIDDEN_SCHEMES.contains(scheme)) {
      return "redirect URI scheme '" + scheme + "' is not allowed: " + value;
    }
    if (!nativeApp) {
      return "private-use scheme redirect URIs need application_type 'native': " + value;
    }
    // RFC 8252 asks for reverse domain names, but hosts such as cursor:// exist: accept any other
    return null;
  }

  /** Whether {@code requested} is one of {@code registered}. */
  public static boolean matches(String requested, List<URI> registered, boolean nativeApp) {
    for (URI uri : registered) {
      if (uri.toString().equals(requested)) {
        return true;
      }
      if (nativeApp && "http".equals(uri.getScheme()) && loopback(uri)) {
        try {
          URI asked = new URI(requested);
          if ("http".equals(asked.getScheme())
              && asked.getHost() != null
              && asked.getHost().equalsIgnoreCase(uri.getHost())
              && asked.getRawUserInfo() == null
              && asked.getRawFragment() == null
              && same(asked.getRawPath(), uri.getRawPath())
              && same(asked.getRawQuery(), uri.getRawQuery())) {
            return true;
          }
        } catch (URISyntaxException e) {
          return false;
        }
      }
    }
    return false;
  }

  static boolean loopback(URI uri) {
    return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
  }

  private static boolean same(String a, String b) {
    String x = a == null || a.isEmpty() ? "/" : a;
    String y = b == null || b.isEmpty() ? "/" : b;
    return x.equals(y);
  }
}
