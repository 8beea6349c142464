package dev.gatehouse.mcp.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs an unexpected exception under a short reference the client can quote. */
final class Failures {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.failures");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Failures() {}

  /** Logs {@code error} with a fresh reference and returns the masked message for the client. */
  static String mask(String kind, String name, Throwable error) {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    String ref = HexFormat.of().formatHex(bytes);
    LOG.error("{} '{}' failed (ref {})", kind, name, ref, error);
    return kind + " '" + name + "' failed (ref " + ref + ")";
  }
}
