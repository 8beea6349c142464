package dev.gatehouse.mcp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.regex.Pattern;

/** The syntax checks configuration shares: URLs, secure URLs and OAuth scope tokens. */
public final class Syntax {

  /** RFC 6749 section 3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
  private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private Syntax() {}

  /**
   * Why {@code value} is not an absolute URL with a host ({@code "is not a valid URI"} or
   * {@code "must be an absolute URL"}), or null when it is one.
   */
  public static String urlProblem(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getHost() != null ? null : "must be an absolute URL";
    } catch (URISyntaxException e) {
      return "is not a valid URI";
    }
  }

  /** Whether {@code uri} uses https, or plain http on a loopback host. */
  public static boolean secure(URI uri) {
    return "https".equals(uri.getScheme())
        || ("http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()));
  }

  /** Whether {@code scope} is a valid OAuth scope token. */
  public static boolean scopeToken(String scope) {
    return SCOPE_TOKEN.matcher(scope).matches();
  }
}
