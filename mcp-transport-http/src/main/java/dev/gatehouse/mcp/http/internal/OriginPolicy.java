package dev.gatehouse.mcp.http.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which {@code Host} and {@code Origin} values the server answers (DNS-rebinding protection).
 * Loopback host names are always accepted; loopback origins only while bound to loopback.
 */
final class OriginPolicy {

  private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final List<String> hosts;
  private final boolean hostCheck;
  private final List<String> origins;
  private final boolean anyOrigin;
  private final boolean loopbackOrigins;

  OriginPolicy(
      List<String> allowedHosts, boolean hostCheck, List<String> allowedOrigins, boolean loopbackBind) {
    List<String> h = new ArrayList<>(LOOPBACK);
    allowedHosts.forEach(v -> h.add(v.toLowerCase(Locale.ROOT)));
    this.hosts = List.copyOf(h);
    this.hostCheck = hostCheck;
    this.anyOrigin = allowedOrigins.contains("*");
    this.origins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    this.loopbackOrigins = loopbackBind;
  }

  /** Whether a {@code Host} header value ({@code name[:port]}) is one this server answers to. */
  boolean hostAllowed(String hostHeader) {
    if (!hostCheck) {
      return true;
    }
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String value = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (hosts.contains(value)) {
      return true;
    }
    return hosts.contains(hostName(value));
  }

  /** Whether a browser {@code Origin} may call the server. */
  boolean originAllowed(String origin) {
    String value = origin.trim().toLowerCase(Locale.ROOT);
    if (anyOrigin || origins.contains(value)) {
      return true;
    }
    if (!loopbackOrigins) {
      return false;
    }
    try {
      URI uri = URI.create(value);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && LOOPBACK.contains(uri.getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String hostName(String hostAndPort) {
    if (hostAndPort.startsWith("[")) {
      int end = hostAndPort.indexOf(']');
      return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
    }
    int colon = hostAndPort.lastIndexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }
}
