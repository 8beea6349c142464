package dev.gatehouse.mcp.auth;

import dev.gatehouse.mcp.spi.InvalidTokenException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.McpException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtAuthTest {

  private LocalIssuer issuer;
  private JwtAuth auth;

  @BeforeEach
  void start() throws Exception {
    issuer = new LocalIssuer();
    auth = issuer.auth().implies("todo:admin", "todo:write").implies("todo:write", "todo:read").build();
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  private String reject(String token) {
    return assertThrows(InvalidTokenException.class, () -> auth.verify(token)).getMessage();
  }

  @Test
  void validRs256AndEs256TokensGiveTheCaller() throws Exception {
    Caller caller = auth.verify(issuer.rs256(c -> {}));
    assertEquals(issuer.issuer(), caller.issuer());
    assertEquals("alice", caller.subject());
    assertEquals("test-client", caller.clientId());
    assertEquals(Set.of("todo:read", "todo:write"), caller.scopes());
    assertEquals("alice", auth.verify(issuer.es256(c -> {})).subject());
  }

  @Test
  void keysAreDiscoveredThroughRfc8414Metadata() throws Exception {
    auth.verify(issuer.rs256(c -> {}));
    assertEquals(1, issuer.jwksFetches.get());
  }

  @Test
  void missingAndMalformedTokensAreRejected() {
    assertEquals("no token", reject(""));
    assertTrue(reject("not.a.jwt").startsWith("malformed token"));
  }

  @Test
  void badSignaturesAreRejected() throws Exception {
    String token = issuer.rs256(c -> {});
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[256]);
    assertTrue(reject(tampered).contains("Invalid signature"), reject(tampered));
  }

  @Test
  void unsignedTokensAreRejected() throws Exception {
    String none = new PlainJWT(issuer.claims().build()).serialize();
    reject(none);
  }

  @Test
  void hs256SignedWithTheRsaPublicKeyIsRejected() throws Exception {
    byte[] publicKey = issuer.rsa.toRSAPublicKey().getEncoded();
    SignedJWT forged =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), issuer.claims().build());
    forged.sign(new MACSigner(publicKey));
    reject(forged.serialize());
  }

  @Test
  void expiredAndNotYetValidTokensAreRejected() throws Exception {
    assertTrue(reject(issuer.rs256(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))))).contains("Expired"));
    assertTrue(reject(issuer.rs256(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))).contains("before"));
  }

  @Test
  void tokensIssuedInTheFutureAreRejected() throws Exception {
    assertTrue(reject(issuer.rs256(c -> c.issueTime(Date.from(Instant.now().plusSeconds(600))))).contains("iat"));
  }

  @Test
  void theClockSkewIsTolerated() throws Exception {
    auth.verify(issuer.rs256(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(30)))));
  }

  @Test
  void wrongIssuerIsRejected() throws Exception {
    assertTrue(reject(issuer.rs256(c -> c.issuer("https://evil.example"))).contains("iss"));
  }

  @Test
  void wrongAudienceAndTrailingSlashAreRejected() throws Exception {
    assertTrue(reject(issuer.rs256(c -> c.audience("https://other.example.com/mcp"))).contains("aud"));
    reject(issuer.rs256(c -> c.audience(LocalIssuer.RESOURCE + "/")));
    reject(issuer.rs256(c -> c.audience((String) null)));
  }

  @Test
  void extraAudiencesCanBeListed() throws Exception {
    JwtAuth entra = issuer.auth().audiences("00000000-app-guid").build();
    assertEquals("alice", entra.verify(issuer.rs256(c -> c.audience("00000000-app-guid"))).subject());
  }

  @Test
  void unexpectedTypIsRejected() throws Exception {
    SignedJWT idToken =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(new JOSEObjectType("id_token+jwt")).build(),
            issuer.claims().build());
    idToken.sign(new RSASSASigner(issuer.rsa));
    reject(idToken.serialize());
  }

  @Test
  void anUnknownKidTriggersARefreshSoRotationWorks() throws Exception {
    auth.verify(issuer.rs256(c -> {}));
    RSAKey next = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
    issuer.publish(next);
    SignedJWT rotated =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(), issuer.claims().build());
    rotated.sign(new RSASSASigner(next));
    assertEquals("alice", auth.verify(rotated.serialize()).subject());
    assertEquals(2, issuer.jwksFetches.get());
  }

  @Test
  void cachedKeysKeepWorkingWhileTheIssuerIsDown() throws Exception {
    auth.verify(issuer.rs256(c -> {}));
    issuer.down.set(true);
    assertEquals("alice", auth.verify(issuer.rs256(c -> {})).subject());
  }

  @Test
  void withNoKeysAtAllTokensAreRejectedNotCrashed() throws Exception {
    issuer.down.set(true);
    assertTrue(reject(issuer.rs256(c -> {})).startsWith("signing keys unavailable"), reject(issuer.rs256(c -> {})));
  }

  @Test
  void scopesComeFromScpArraysToo() throws Exception {
    Caller caller = auth.verify(issuer.rs256(c -> c.claim("scope", null).claim("scp", List.of("a", "b"))));
    assertEquals(Set.of("a", "b"), caller.scopes());
  }

  @Test
  void scopeImplicationsAreTransitive() throws Exception {
    Caller admin = auth.verify(issuer.rs256(c -> c.claim("scope", "todo:admin")));
    assertEquals(List.of(), auth.missingScopes(List.of("todo:read", "todo:write"), admin));
    Caller reader = auth.verify(issuer.rs256(c -> c.claim("scope", "todo:read")));
    assertEquals(List.of("todo:write"), auth.missingScopes(List.of("todo:read", "todo:write"), reader));
  }

  @Test
  void hmacNeedsAnExplicitSecretAndOnlyChecksHmacTokensWithIt() throws Exception {
    byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    JwtAuth shared = JwtAuth.builder(issuer.issuer(), LocalIssuer.RESOURCE).hmacSecret(secret).build();
    SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), issuer.claims().build());
    hs.sign(new MACSigner(secret));
    assertEquals("alice", shared.verify(hs.serialize()).subject());
    McpException e =
        assertThrows(McpException.class, () -> JwtAuth.builder(issuer.issuer(), LocalIssuer.RESOURCE).algorithms("HS256", "none").build());
    assertTrue(e.getMessage().contains("algorithm 'none' is never accepted"), e.getMessage());
    assertTrue(e.getMessage().contains("HS256 needs an explicit hmacSecret"), e.getMessage());
  }

  @Test
  void configurationProblemsAreReportedTogether() {
    McpException e =
        assertThrows(
            McpException.class,
            () -> JwtAuth.builder("http://auth.example.com", "https://mcp.example.com/mcp/").hmacSecret(new byte[3]).build());
    assertTrue(e.getMessage().contains("resource must not end with '/'"), e.getMessage());
    assertTrue(e.getMessage().contains("issuer must use https"), e.getMessage());
    assertTrue(e.getMessage().contains("hmacSecret must have at least 32 bytes"), e.getMessage());
  }

  @Test
  void claimsAreAvailableToTools() throws Exception {
    Caller caller = auth.verify(issuer.rs256(c -> c.claim("tenant", "acme")));
    assertEquals("acme", caller.claim("tenant").orElseThrow());
    assertTrue(caller.expiresAt().isAfter(Instant.now()));
    assertTrue(caller.claims().containsKey("exp"));
  }

  @Test
  void aCachedTokenStopsWorkingWhenItsKeyLeavesTheJwks() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> jwks = new java.util.concurrent.atomic.AtomicReference<>(
        new com.nimbusds.jose.jwk.JWKSet(List.of(issuer.rsa.toPublicJWK(), issuer.ec.toPublicJWK())).toString());
    JwtAuth local = JwtAuth.builder(issuer.issuer(), LocalIssuer.RESOURCE).jwks(jwks::get)
        .keyCheckInterval(java.time.Duration.ZERO).build();
    String token = issuer.rs256(c -> {});
    assertEquals("alice", local.verify(token).subject());
    assertEquals("alice", local.verify(token).subject());
    jwks.set(new com.nimbusds.jose.jwk.JWKSet(issuer.ec.toPublicJWK()).toString());
    assertThrows(InvalidTokenException.class, () -> local.verify(token));
  }

  @Test
  void aCachedTokenIsRefusedOnceItExpires() throws Exception {
    JwtAuth strict = issuer.auth().clockSkew(java.time.Duration.ZERO).build();
    String token = issuer.rs256(c -> c.expirationTime(Date.from(Instant.now().plusMillis(1500))));
    assertEquals("alice", strict.verify(token).subject());
    Thread.sleep(1600);
    assertThrows(InvalidTokenException.class, () -> strict.verify(token));
  }

  @Test
  void withTheCacheOffEveryTokenIsVerifiedInFull() throws Exception {
    java.util.concurrent.atomic.AtomicReference<String> jwks = new java.util.concurrent.atomic.AtomicReference<>(
        new com.nimbusds.jose.jwk.JWKSet(issuer.rsa.toPublicJWK()).toString());
    JwtAuth uncached = JwtAuth.builder(issuer.issuer(), LocalIssuer.RESOURCE).jwks(jwks::get).verifiedTokenCache(0).build();
    String token = issuer.rs256(c -> {});
    uncached.verify(token);
    jwks.set("{\"keys\":[]}");
    assertThrows(InvalidTokenException.class, () -> uncached.verify(token));
  }
}
