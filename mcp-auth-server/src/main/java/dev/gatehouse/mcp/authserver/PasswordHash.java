package dev.gatehouse.mcp.authserver;

import dev.gatehouse.mcp.authserver.internal.Hashes;
import java.io.Console;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password and client-secret hashes: PBKDF2-HMAC-SHA256 with a random salt and 310,000
 * iterations (OWASP's figure), written as {@code pbkdf2-sha256$310000$salt$hash}. Run
 * {@code java -cp gatehouse.jar dev.gatehouse.mcp.authserver.PasswordHash} to hash a password
 * typed at the console.
 *
 * <pre>{@code
 * String stored = PasswordHash.create("correct horse".toCharArray());
 * boolean ok = PasswordHash.matches("correct horse".toCharArray(), stored);
 * }</pre>
 */
public final class PasswordHash {

  static final int ITERATIONS = 310_000;
  private static final String PREFIX = "pbkdf2-sha256$";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** Hashes a password with a fresh salt. */
  public static String create(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = pbkdf2(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /**
   * Whether {@code password} matches {@code stored}; {@code false} for a malformed hash. Also
   * accepts {@code sha256:...} hashes, used for generated (high-entropy) client secrets.
   */
  public static boolean matches(char[] password, String stored) {
    if (stored == null) {
      return false;
    }
    if (stored.startsWith("sha256:")) {
      return Hashes.same("sha256:" + Hashes.sha256(new String(password)), stored);
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !stored.startsWith(PREFIX)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      if (iterations < 1_000 || iterations > 10_000_000) {
        return false;
      }
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code stored} looks like a hash this class can check. */
  public static boolean isHash(String stored) {
    return stored != null
        && (stored.startsWith("sha256:") || (stored.startsWith(PREFIX) && stored.split("\\$").length == 4));
  }

  /** A fast hash for generated secrets of at least 256 bits, which need no stretching. */
  public static String ofGeneratedSecret(String secret) {
    return "sha256:" + Hashes.sha256(secret);
  }

  private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Reads a password twice from the console and prints its hash. */
  public static void main(String[] args) {
    Console console = System.console();
    if (console == null) {
      System.err.println("no console: run this in a terminal");
      System.exit(2);
      return;
    }
    char[] first = console.readPassword("Password: ");
    char[] second = console.readPassword("Again: ");
    if (first == null || !Arrays.equals(first, second) || first.length == 0) {
      System.err.println("passwords differ or are empty");
      System.exit(1);
      return;
    }
    System.out.println(create(first));
    Arrays.fill(first, ' ');
    Arrays.fill(second, ' ');
  }

}
