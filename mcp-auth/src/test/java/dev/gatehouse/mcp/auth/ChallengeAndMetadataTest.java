package dev.gatehouse.mcp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.mcp.auth.internal.IssuerMetadata;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeAndMetadataTest {

  private static final URI METADATA = URI.create("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");

  @Test
  void aMissingTokenGetsTheMetadataAndScopes() {
    assertEquals(
        "Bearer resource_metadata=\"" + METADATA + "\", scope=\"todo:read todo:write\"",
        Challenge.unauthorized(METADATA, List.of("todo:read", "todo:write"), false));
  }

  @Test
  void aBadTokenSaysInvalidTokenAndNothingMore() {
    assertEquals(
        "Bearer error=\"invalid_token\", resource_metadata=\"" + METADATA + "\"",
        Challenge.unauthorized(METADATA, List.of(), true));
  }

  @Test
  void insufficientScopeListsEveryScopeNeeded() {
    assertEquals(
        "Bearer error=\"insufficient_scope\", scope=\"todo:read todo:write\", resource_metadata=\"" + METADATA + "\"",
        Challenge.insufficientScope(METADATA, List.of("todo:read", "todo:write")));
  }

  @Test
  void quotesAreEscaped() {
    assertEquals("\"a\\\"b\\\\c\"", Challenge.quote("a\"b\\c"));
  }

  @Test
  void metadataIsServedAtBothWellKnownPaths() {
    ProtectedResourceMetadata metadata =
        new ProtectedResourceMetadata(
            URI.create("https://mcp.example.com/mcp"),
            List.of(URI.create("https://auth.example.com")),
            List.of("todo:read", "offline_access", "todo:write", "todo:read"),
            "Todo",
            null);
    assertEquals(
        List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"),
        metadata.wellKnownPaths());
    assertEquals(METADATA, metadata.metadataUrl());
    assertEquals(
        "{\"resource\":\"https://mcp.example.com/mcp\",\"authorization_servers\":[\"https://auth.example.com\"],"
            + "\"scopes_supported\":[\"todo:read\",\"todo:write\"],\"bearer_methods_supported\":[\"header\"],"
            + "\"resource_name\":\"Todo\"}",
        metadata.toJson());
  }

  @Test
  void discoveryFollowsThePathInsertionRules() {
    assertEquals(
        List.of(
            URI.create("https://auth.example.com/.well-known/oauth-authorization-server"),
            URI.create("https://auth.example.com/.well-known/openid-configuration")),
        IssuerMetadata.candidates(URI.create("https://auth.example.com")));
    assertEquals(
        List.of(
            URI.create("https://kc.example.com/.well-known/oauth-authorization-server/realms/mcp"),
            URI.create("https://kc.example.com/.well-known/openid-configuration/realms/mcp"),
            URI.create("https://kc.example.com/realms/mcp/.well-known/openid-configuration")),
        IssuerMetadata.candidates(URI.create("https://kc.example.com/realms/mcp")));
  }
}
