package dev.gatehouse.mcp.authserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now.get(); }
  };

  private SigningKeys keys(Optional<Path> file, String alg) {
    return new SigningKeys(file, alg, Duration.ofDays(30), Duration.ofMinutes(20), clock);
  }

  @Test
  void keysPersistOwnerOnlyAndAreReusedAfterARestart(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("signing-keys.json");
    String kid = keys(Optional.of(file), "RS256").activeKeyId();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(kid, keys(Optional.of(file), "RS256").activeKeyId());
    assertTrue(Files.readString(file).contains("\"d\""), "the file holds the private key");
  }

  @Test
  void thePublishedJwksHasNoPrivateParts() {
    String jwks = keys(Optional.empty(), "RS256").jwks();
    assertTrue(jwks.contains("\"n\""));
    assertTrue(!jwks.contains("\"d\"") && !jwks.contains("\"p\""), jwks);
  }

  @Test
  void aDueKeyIsRotatedAndTheOldOneStaysPublishedUntilItsTokensExpire() throws Exception {
    SigningKeys keys = keys(Optional.empty(), "ES256");
    String first = keys.activeKeyId();
    now.set(now.get().plus(Duration.ofDays(31)));
    String token = keys.sign(new JWTClaimsSet.Builder().subject("a").build());
    String second = SignedJWT.parse(token).getHeader().getKeyID();
    assertNotEquals(first, second);
    assertEquals("at+jwt", SignedJWT.parse(token).getHeader().getType().toString());
    assertTrue(keys.jwks().contains(first), "the replaced key is still published");
    now.set(now.get().plus(Duration.ofMinutes(21)));
    assertTrue(!keys.jwks().contains(first), "retired after the longest token lifetime, without another rotation");
  }

  @Test
  void aManualRotationRetiresTheOldKeyOnceItsTokensExpire() {
    SigningKeys keys = keys(Optional.empty(), "RS256");
    String old = keys.activeKeyId();
    keys.rotate();
    assertTrue(keys.jwks().contains(old));
    now.set(now.get().plus(Duration.ofMinutes(21)));
    assertTrue(!keys.jwks().contains(old), "a leaked key stops verifying after the token lifetime");
  }

  @Test
  void changingTheAlgorithmStartsANewKey(@TempDir Path dir) {
    Path file = dir.resolve("keys.json");
    String rsa = keys(Optional.of(file), "RS256").activeKeyId();
    SigningKeys ec = keys(Optional.of(file), "ES256");
    assertNotEquals(rsa, ec.activeKeyId());
    assertTrue(ec.jwks().contains(rsa), "the RSA key still verifies the tokens it signed");
  }
}
