package dev.gatehouse.mcp.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An issuer on a local port: RFC 8414 metadata, a JWKS that can rotate or go down, and minting. */
final class LocalIssuer implements AutoCloseable {

  static final String RESOURCE = "https://mcp.example.com/mcp";

  private final HttpServer http;
  private final List<JWK> published = new ArrayList<>();
  final AtomicBoolean down = new AtomicBoolean();
  final AtomicInteger jwksFetches = new AtomicInteger();
  final RSAKey rsa;
  final ECKey ec;

  LocalIssuer() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    published.add(rsa.toPublicJWK());
    published.add(ec.toPublicJWK());
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/.well-known/oauth-authorization-server", exchange -> {
      respond(exchange, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\"}");
    });
    http.createContext("/jwks", exchange -> {
      jwksFetches.incrementAndGet();
      if (down.get()) {
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
        return;
      }
      String body;
      synchronized (published) {
        body = new JWKSet(published).toString();
      }
      respond(exchange, body);
    });
    http.start();
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  String issuer() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Publishes another key (rotation). */
  void publish(JWK key) {
    synchronized (published) {
      published.add(key.toPublicJWK());
    }
  }

  JwtAuth.Builder auth() {
    return JwtAuth.builder(issuer(), RESOURCE)
        .jwksCache(Duration.ofMinutes(15), Duration.ofMillis(1), Duration.ofHours(1));
  }

  /** Claims of a valid token; {@code edit} changes them. */
  JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject("alice")
        .audience(RESOURCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("client_id", "test-client")
        .claim("scope", "todo:read todo:write");
  }

  String rs256(Consumer<JWTClaimsSet.Builder> edit) throws Exception {
    return sign(rsa, JWSAlgorithm.RS256, new RSASSASigner(rsa), edit);
  }

  String es256(Consumer<JWTClaimsSet.Builder> edit) throws Exception {
    return sign(ec, JWSAlgorithm.ES256, new ECDSASigner(ec), edit);
  }

  String sign(JWK key, JWSAlgorithm alg, JWSSigner signer, Consumer<JWTClaimsSet.Builder> edit)
      throws Exception {
    JWTClaimsSet.Builder claims = claims();
    edit.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
            claims.build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
