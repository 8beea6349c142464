package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.mcp.McpServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Key rotation and issuer outages, end to end through Jetty. */
class KeyRotationIT {

  private static final String RESOURCE = "https://notes.example.com/mcp";

  @Test
  void aNewKidIsFetchedAndAnOutageKeepsCachedKeysWorking() {
    try (TestTokens tokens = TestTokens.start();
        McpServer server =
            McpServer.builder("notes", "1")
                .tools(new ScopedTools())
                .auth(
                    tokens.auth(RESOURCE)
                        .jwksCache(Duration.ofMinutes(15), Duration.ofMillis(1), Duration.ofHours(1))
                        .build())
                .http(h -> h.port(0))
                .start()) {
      HttpProbe probe = HttpProbe.of(server.url());
      assertEquals(200, probe.bearer(tokens.token(RESOURCE).sign()).initialize().status());

      tokens.rotateKey();
      assertEquals(200, probe.bearer(tokens.token(RESOURCE).sign()).initialize().status(), "new kid");

      tokens.unavailable(true);
      assertEquals(200, probe.bearer(tokens.token(RESOURCE).sign()).initialize().status(), "issuer down");
      tokens.rotateKey();
      assertEquals(401, probe.bearer(tokens.token(RESOURCE).sign()).initialize().status(), "unknown key while down");
      tokens.unavailable(false);
      assertEquals(200, probe.bearer(tokens.token(RESOURCE).sign()).initialize().status(), "issuer back");
    }
  }
}
