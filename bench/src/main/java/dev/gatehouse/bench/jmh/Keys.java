package dev.gatehouse.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Shared fixture for the token benchmarks: an RSA 2048 and a P-256 key generated in memory with
 * Nimbus, their public JWKS document, and access tokens signed the way a real issuer signs them
 * ({@code typ: at+jwt}, {@code kid}, {@code iss}, {@code aud}, {@code exp} in one hour, {@code iat},
 * {@code sub}, {@code scope}).
 */
final class Keys {

  static final String ISSUER = "http://127.0.0.1:1";
  static final String RESOURCE = "http://127.0.0.1:1/mcp";

  final RSAKey rsa;
  final ECKey ec;
  /** The issuer's public JWKS (both keys), as handed to {@code JwtAuth.Builder#jwks}. */
  final String jwksJson;

  Keys() {
    try {
      rsa = new RSAKeyGenerator(2048).keyID("bench-rsa").generate();
      ec = new ECKeyGenerator(Curve.P_256).keyID("bench-ec").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    jwksJson = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString();
  }

  /** A freshly signed access token for {@code alg} ("RS256" or "ES256"). */
  String token(String alg) {
    try {
      JWSSigner signer;
      String kid;
      if (alg.equals("RS256")) {
        signer = new RSASSASigner(rsa);
        kid = rsa.getKeyID();
      } else if (alg.equals("ES256")) {
        signer = new ECDSASigner(ec);
        kid = ec.getKeyID();
      } else {
        throw new IllegalArgumentException("unknown alg " + alg);
      }
      Instant now = Instant.now();
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.parse(alg))
              .type(new JOSEObjectType("at+jwt"))
              .keyID(kid)
              .build();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(ISSUER)
              .audience(RESOURCE)
              .subject("bench-user")
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plusSeconds(3600)))
              .claim("scope", "todo:read todo:write")
              .claim("client_id", "bench-client")
              .build();
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Nimbus verifier for {@code alg}'s public key. */
  JWSVerifier verifier(String alg) {
    try {
      return alg.equals("RS256")
          ? new RSASSAVerifier(rsa.toRSAPublicKey())
          : new ECDSAVerifier(ec.toECPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
