package dev.gatehouse.mcp.authserver.internal;

import java.net.InetAddress;

/**
 * Which resolved addresses {@link MetadataFetcher} may connect to. Production uses
 * {@link #publicOnly()} (or {@link #publicOrLoopback()} with the development switch on); tests
 * may pass their own policy to reach a local server.
 *
 * <pre>{@code
 * FetchPolicy.publicOnly().refusal(InetAddress.getByName("10.0.0.1")); // "private"
 * FetchPolicy.publicOnly().refusal(InetAddress.getByName("8.8.8.8"));  // null: permitted
 * }</pre>
 */
@FunctionalInterface
interface FetchPolicy {

  /**
   * Why the fetcher must not connect to {@code address}, or {@code null} when it may. The reason
   * is for server logs only, never for the client.
   */
  String refusal(InetAddress address);

  /** Only publicly routable unicast addresses. */
  static FetchPolicy publicOnly() {
    return FetchPolicy::nonPublic;
  }

  /** Publicly routable unicast addresses and loopback (development only). */
  static FetchPolicy publicOrLoopback() {
    return address -> isLoopback(address) ? null : nonPublic(address);
  }

  /** Whether {@code address} is loopback: 127.0.0.0/8, {@code ::1} or IPv4-mapped 127/8. */
  static boolean isLoopback(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 16 && isMapped(b)) {
      return (b[12] & 0xff) == 127;
    }
    return address.isLoopbackAddress();
  }

  /** Why {@code address} is not publicly routable unicast, or {@code null} when it is. */
  static String nonPublic(InetAddress address) {
    byte[] b = address.getAddress();
    return b.length == 4 ? ipv4(b, 0) : ipv6(b);
  }

  private static String ipv4(byte[] b, int at) {
    int x = ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    if (in(x, 0x00000000, 8)) {
      return "this-network (0.0.0.0/8)";
    } else if (in(x, 0x0a000000, 8)) {
      return "private (10.0.0.0/8)";
    } else if (in(x, 0x64400000, 10)) {
      return "shared address space (100.64.0.0/10)";
    } else if (in(x, 0x7f000000, 8)) {
      return "loopback";
    } else if (in(x, 0xa9fe0000, 16)) {
      return "link-local (169.254.0.0/16, cloud metadata)";
    } else if (in(x, 0xac100000, 12)) {
      return "private (172.16.0.0/12)";
    } else if (in(x, 0xc0000000, 24)) {
      return "IETF protocol assignments (192.0.0.0/24)";
    } else if (in(x, 0xc0000200, 24) || in(x, 0xc6336400, 24) || in(x, 0xcb007100, 24)) {
      return "documentation";
    } else if (in(x, 0xc0586300, 24)) {
      return "6to4 relay anycast (192.88.99.0/24)";
    } else if (in(x, 0xc0a80000, 16)) {
      return "private (192.168.0.0/16)";
    } else if (in(x, 0xc6120000, 15)) {
      return "benchmarking (198.18.0.0/15)";
    } else if (in(x, 0xe0000000, 4)) {
      return "multicast";
    } else if (in(x, 0xf0000000, 4)) {
      return "reserved or broadcast (240.0.0.0/4)";
    }
    return null;
  }

  private static String ipv6(byte[] b) {
    if (isMapped(b)) {
      String embedded = ipv4(b, 12);
      return embedded == null ? null : "IPv4-mapped " + embedded;
    }
    if (zeros(b, 0, 12)) {
      if (zeros(b, 12, 15) && b[15] == 0) {
        return "unspecified (::)";
      }
      return zeros(b, 12, 15) && b[15] == 1 ? "loopback" : "IPv4-compatible (::/96, deprecated)";
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      if (zeros(b, 4, 12)) { // 64:ff9b::/96, well-known NAT64 prefix: judge the embedded address
        String embedded = ipv4(b, 12);
        return embedded == null ? null : "NAT64 of " + embedded;
      }
      return "local-use NAT64 (64:ff9b:1::/48)";
    }
    if ((first & 0xe0) != 0x20) { // outside 2000::/3, global unicast
      if ((first & 0xfe) == 0xfc) {
        return "unique-local (fc00::/7)";
      } else if (first == 0xfe && (second & 0xc0) == 0x80) {
        return "link-local (fe80::/10)";
      } else if (first == 0xfe && (second & 0xc0) == 0xc0) {
        return "site-local (fec0::/10)";
      } else if (first == 0xff) {
        return "multicast";
      }
      return "not global unicast";
    }
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return "documentation (2001:db8::/32)";
    }
    if (first == 0x3f && second == 0xff && ((b[2] & 0xff) >>> 4) == 0) {
      return "documentation (3fff::/20)";
    }
    if (first == 0x20 && second == 0x02) { // 6to4: 2002:AABB:CCDD::/48 embeds AA.BB.CC.DD
      String embedded = ipv4(b, 2);
      return embedded == null ? null : "6to4 of " + embedded;
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
      // Teredo: server address in bits 32-63, client address (inverted) in bits 96-127
      byte[] client = new byte[4];
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~b[12 + i];
      }
      String server = ipv4(b, 4);
      String embedded = server != null ? server : ipv4(client, 0);
      return embedded == null ? null : "Teredo of " + embedded;
    }
    return null;
  }

  private static boolean isMapped(byte[] b) {
    return zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean in(int address, int prefix, int bits) {
    int shift = 32 - bits;
    return (address >>> shift) == (prefix >>> shift);
  }
}
