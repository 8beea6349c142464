package dev.gatehouse.mcp.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.auth.JwtAuth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway token issuer for tests: real RS256/ES256 keys generated in memory, RFC 8414
 * metadata and a JWKS served on a free local port, and a builder that mints access tokens.
 *
 * <pre>{@code
 * try (TestTokens tokens = TestTokens.start()) {
 *   McpServer server = McpServer.builder("todo", "1").tools(todo)
 *       .auth(tokens.auth("http://127.0.0.1:8080/mcp").build()).start();
 *   String token = tokens.token("http://127.0.0.1:8080/mcp").scopes("todo:read").sign();
 * }
 * }</pre>
 */
public final class TestTokens implements AutoCloseable {

  private final HttpServer http;
  private volatile RSAKey rsa;
  private final ECKey ec;
  private final List<com.nimbusds.jose.jwk.JWK> published = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean unavailable;

  private TestTokens(HttpServer http, RSAKey rsa, ECKey ec) {
    this.http = http;
    this.rsa = rsa;
    this.ec = ec;
    published.add(rsa.toPublicJWK());
    published.add(ec.toPublicJWK());
  }

  /** Generates keys and starts the issuer on 127.0.0.1 and a free port. */
  public static TestTokens start() {
    try {
      RSAKey rsa = new RSAKeyGenerator(2048).keyID("test-rsa").generate();
      ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("test-ec").generate();
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      TestTokens tokens = new TestTokens(http, rsa, ec);
      http.createContext(
          "/.well-known/oauth-authorization-server",
          exchange ->
              respond(
                  exchange,
                  "{\"issuer\":\"" + tokens.issuer() + "\",\"jwks_uri\":\"" + tokens.jwksUri() + "\"}"));
      http.createContext(
          "/jwks",
          exchange -> {
            if (tokens.unavailable) {
              exchange.sendResponseHeaders(503, -1);
              exchange.close();
              return;
            }
            respond(exchange, new JWKSet(List.copyOf(tokens.published)).toString());
          });
      http.start();
      return tokens;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new McpException("cannot generate test keys", e);
    }
  }

  private static void respond(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** The issuer URL, e.g. {@code http://127.0.0.1:41234}. */
  public String issuer() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /**
   * Publishes a new RS256 key (with a new {@code kid}) beside the old ones; tokens signed from now
   * on use it. For testing key rotation.
   */
  public void rotateKey() {
    try {
      RSAKey next = new RSAKeyGenerator(2048).keyID("test-rsa-" + UUID.randomUUID()).generate();
      published.add(next.toPublicJWK());
      rsa = next;
    } catch (JOSEException e) {
      throw new McpException("cannot generate test keys", e);
    }
  }

  /** Makes the JWKS endpoint answer 503 (or serve again), to test an issuer outage. */
  public void unavailable(boolean down) {
    this.unavailable = down;
  }

  /** Where the public keys are served. */
  public URI jwksUri() {
    return URI.create(issuer() + "/jwks");
  }

  /** A {@link JwtAuth} builder that trusts this issuer for {@code resource}. */
  public JwtAuth.Builder auth(String resource) {
    return JwtAuth.builder(issuer(), resource);
  }

  /** Starts a token for {@code resource} (its {@code aud}), valid for five minutes. */
  public Token token(String resource) {
    return new Token(resource);
  }

  @Override
  public void close() {
    http.stop(0);
  }

  /**
   * Runs an issuer until killed, for scripts: prints {@code issuer=...} and {@code token=...} (a
   * token for {@code args[0]} with the scopes in the other arguments, valid for a day).
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      System.err.println("usage: TestTokens <resource> [scope...]");
      System.exit(2);
    }
    TestTokens tokens = start();
    String[] scopes = java.util.Arrays.copyOfRange(args, 1, args.length);
    System.out.println("issuer=" + tokens.issuer());
    System.out.println("token=" + tokens.token(args[0]).scopes(scopes).expiresIn(Duration.ofDays(1)).sign());
    System.out.flush();
    new java.util.concurrent.CountDownLatch(1).await();
  }

  /** A token being minted. */
  public final class Token {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private final List<String> audiences = new ArrayList<>();
    private String subject = "test-user";
    private Duration lifetime = Duration.ofMinutes(5);
    private Instant notBefore;
    private boolean ec256;

    private Token(String resource) {
      audiences.add(resource);
      claims.put("client_id", "test-client");
    }

    public Token subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** The granted scopes (the {@code scope} claim). */
    public Token scopes(String... scopes) {
      claims.put("scope", String.join(" ", scopes));
      return this;
    }

    public Token clientId(String clientId) {
      claims.put("client_id", clientId);
      return this;
    }

    /** Replaces the audiences. */
    public Token audience(String... audiences) {
      this.audiences.clear();
      this.audiences.addAll(List.of(audiences));
      return this;
    }

    /** Lifetime from now; negative for an already expired token. */
    public Token expiresIn(Duration lifetime) {
      this.lifetime = lifetime;
      return this;
    }

    public Token notBefore(Instant notBefore) {
      this.notBefore = notBefore;
      return this;
    }

    public Token claim(String name, Object value) {
      claims.put(name, value);
      return this;
    }

    /** Signs with the ES256 key instead of the RS256 one. */
    public Token es256() {
      this.ec256 = true;
      return this;
    }

    /** The signed, serialized JWT. */
    public String sign() {
      Instant now = Instant.now();
      JWTClaimsSet.Builder set =
          new JWTClaimsSet.Builder()
              .issuer(issuer())
              .subject(subject)
              .audience(audiences)
              .issueTime(Date.from(now))
              .expirationTime(Date.from(now.plus(lifetime)))
              .jwtID(UUID.randomUUID().toString());
      if (notBefore != null) {
        set.notBeforeTime(Date.from(notBefore));
      }
      claims.forEach(set::claim);
      try {
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(ec256 ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                    .keyID(ec256 ? ec.getKeyID() : rsa.getKeyID())
                    .type(new JOSEObjectType("at+jwt"))
                    .build(),
                set.build());
        jwt.sign(ec256 ? new ECDSASigner(ec) : new RSASSASigner(rsa));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new McpException("cannot sign test token", e);
      }
    }
  }
}
