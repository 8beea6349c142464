package dev.gatehouse.mcp.authserver.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random values and SHA-256 fingerprints for codes, tokens and secrets (never stored in clear). */
public final class Hashes {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Hashes() {}

  /** {@code bytes} random bytes, base64url without padding. */
  public static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  /** SHA-256 of the UTF-8 text, base64url without padding. */
  public static String sha256(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] digest(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Compares in time independent of where the values differ. */
  public static boolean same(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
