package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.auth.JwtAuth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auth settings that change what the server shows, and issuers that can't be reached. */
class AuthOptionsIT {

  private static final String RESOURCE = "https://notes.example.com/mcp";

  @Test
  void metadataCanBeAdjustedAndFilteringTurnedOff() {
    try (TestTokens tokens = TestTokens.start();
        McpServer server =
            McpServer.builder("notes", "1")
                .tools(new ScopedTools())
                .auth(
                    tokens.auth(RESOURCE).build(),
                    auth -> auth.filterLists(false).scopesSupported("notes:read", "notes:write")
                        .resourceName("Notes").resourceDocumentation("https://notes.example.com/docs"))
                .http(h -> h.port(0))
                .start()) {
      HttpProbe.Response metadata = HttpProbe.of(server.url()).get("/.well-known/oauth-protected-resource/mcp");
      assertEquals(
          "{\"resource\":\"" + RESOURCE + "\",\"authorization_servers\":[\"" + tokens.issuer() + "\"],"
              + "\"scopes_supported\":[\"notes:read\",\"notes:write\"],\"bearer_methods_supported\":[\"header\"],"
              + "\"resource_name\":\"Notes\",\"resource_documentation\":\"https://notes.example.com/docs\"}",
          metadata.body());
      String token = tokens.token(RESOURCE).scopes().sign();
      try (TestClient client = TestClient.builder(server.url()).header("Authorization", "Bearer " + token).connect()) {
        assertEquals(List.of("readNotes", "whoami", "writeNote"), client.toolNames());
        AuthorizationException denied =
            org.junit.jupiter.api.Assertions.assertThrows(
                AuthorizationException.class, () -> client.callTool("readNotes", java.util.Map.of()));
        assertEquals(403, denied.status());
        assertTrue(denied.challenge().orElseThrow().contains("insufficient_scope"), denied.getMessage());
      }
    }
  }

  @Test
  void withNoReachableKeysTokensAre401Not500() {
    try (TestTokens tokens = TestTokens.start();
        McpServer server =
            McpServer.builder("notes", "1")
                .tools(new ScopedTools())
                .auth(JwtAuth.builder(tokens.issuer(), RESOURCE).jwksUri("http://127.0.0.1:1/jwks").build())
                .http(h -> h.port(0))
                .start()) {
      HttpProbe.Response response = HttpProbe.of(server.url()).bearer(tokens.token(RESOURCE).sign()).initialize();
      assertEquals(401, response.status(), response.body());
      assertTrue(response.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));
    }
  }
}
