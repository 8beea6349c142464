package dev.gatehouse.mcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.spi.InvalidTokenException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrospectionAuthTest {

  private static final String RESOURCE = "https://mcp.example.com/mcp";

  private HttpServer http;
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final long exp = Instant.now().getEpochSecond() + 300;

  private String issuer() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  @BeforeEach
  void start() throws Exception {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/introspect", exchange -> {
      calls.incrementAndGet();
      lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String token = URLDecoder.decode(form.replaceAll(".*token=([^&]*).*", "$1"), StandardCharsets.UTF_8);
      String common = "\"iss\":\"" + issuer() + "\",\"sub\":\"alice\",\"client_id\":\"c1\",\"scope\":\"notes:write\",\"exp\":" + exp;
      String body =
          switch (token) {
            case "good" -> "{\"active\":true," + common + ",\"aud\":\"" + RESOURCE + "\"}";
            case "other-aud" -> "{\"active\":true," + common + ",\"aud\":\"https://other.example/mcp\"}";
            case "no-aud" -> "{\"active\":true," + common + "}";
            case "expired" -> "{\"active\":true,\"iss\":\"" + issuer() + "\",\"aud\":\"" + RESOURCE + "\",\"exp\":1}";
            default -> "{\"active\":false}";
          };
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    http.start();
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  private IntrospectionAuth.Builder auth() {
    return IntrospectionAuth.builder(issuer() + "/introspect", RESOURCE)
        .issuer(issuer())
        .client("mcp-server", "s3cret")
        .implies("notes:write", "notes:read")
        .clock(new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        });
  }

  @Test
  void activeTokensGiveTheCallerAndTheClientAuthenticates() {
    Caller caller = auth().build().authenticate("good");
    assertEquals("alice", caller.subject());
    assertEquals("c1", caller.clientId());
    assertEquals(Set.of("notes:write"), caller.scopes());
    assertEquals(
        "Basic " + Base64.getEncoder().encodeToString("mcp-server:s3cret".getBytes(StandardCharsets.UTF_8)),
        lastAuthorization.get());
  }

  @Test
  void inactiveExpiredAndForeignTokensAreRejected() {
    IntrospectionAuth auth = auth().build();
    assertEquals("token is not active", assertThrows(InvalidTokenException.class, () -> auth.authenticate("revoked")).getMessage());
    assertEquals("token expired", assertThrows(InvalidTokenException.class, () -> auth.authenticate("expired")).getMessage());
    assertTrue(assertThrows(InvalidTokenException.class, () -> auth.authenticate("other-aud")).getMessage().contains("does not include"));
    assertEquals("no audience in the introspection answer", assertThrows(InvalidTokenException.class, () -> auth.authenticate("no-aud")).getMessage());
    assertEquals("alice", auth().allowMissingAudience().build().authenticate("no-aud").subject());
  }

  @Test
  void answersAreCachedButNeverPastTheTtl() {
    IntrospectionAuth auth = auth().cache(100, Duration.ofMinutes(1)).build();
    auth.authenticate("good");
    auth.authenticate("good");
    assertEquals(1, calls.get());
    now.set(now.get().plus(Duration.ofMinutes(2)));
    auth.authenticate("good");
    assertEquals(2, calls.get());
  }

  @Test
  void rejectedTokensAreNotCached() {
    IntrospectionAuth auth = auth().build();
    assertThrows(InvalidTokenException.class, () -> auth.authenticate("revoked"));
    assertThrows(InvalidTokenException.class, () -> auth.authenticate("revoked"));
    assertEquals(2, calls.get());
  }

  @Test
  void anUnreachableEndpointRejectsTheTokenInsteadOfFailing() {
    IntrospectionAuth auth =
        IntrospectionAuth.builder("http://127.0.0.1:1/introspect", RESOURCE).client("a", "b").build();
    assertTrue(assertThrows(InvalidTokenException.class, () -> auth.authenticate("good")).getMessage()
        .startsWith("introspection endpoint unreachable"));
  }

  @Test
  void scopeImplicationsApply() {
    IntrospectionAuth auth = auth().build();
    assertEquals(List.of(), auth.missingScopes(List.of("notes:read"), auth.authenticate("good")));
  }

  @Test
  void theClientIsRequired() {
    McpException e = assertThrows(McpException.class, () -> IntrospectionAuth.builder(issuer() + "/introspect", RESOURCE).build());
    assertTrue(e.getMessage().contains("client(id, secret) is required"), e.getMessage());
  }
}
