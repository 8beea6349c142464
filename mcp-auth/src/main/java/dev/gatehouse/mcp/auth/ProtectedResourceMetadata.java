package dev.gatehouse.mcp.auth;

import dev.gatehouse.mcp.internal.Json;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * RFC 9728 protected-resource metadata: where clients learn which authorization servers issue
 * tokens for this MCP server and which scopes exist.
 *
 * <pre>{@code
 * var metadata = new ProtectedResourceMetadata(URI.create("https://todo.example.com/mcp"),
 *     List.of(URI.create("https://auth.example.com")), List.of("todo:read", "todo:write"), "Todo", null);
 * String json = metadata.toJson();
 * }</pre>
 *
 * @param resource the canonical resource URI, exactly what clients connect to
 * @param authorizationServers issuers whose tokens are accepted
 * @param scopesSupported the scopes clients may request ({@code offline_access} is never listed)
 * @param resourceName a human-readable name, or null
 * @param resourceDocumentation a page about the server, or null
 */
public record ProtectedResourceMetadata(
    URI resource,
    List<URI> authorizationServers,
    List<String> scopesSupported,
    String resourceName,
    URI resourceDocumentation) {

  public ProtectedResourceMetadata {
    Objects.requireNonNull(resource, "resource");
    authorizationServers = List.copyOf(authorizationServers);
    scopesSupported =
        scopesSupported.stream().filter(s -> !s.equals("offline_access")).distinct().toList();
  }

  /** The JSON document served at the well-known paths. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("resource", resource.toString());
    json.put("authorization_servers", authorizationServers.stream().map(URI::toString).toList());
    if (!scopesSupported.isEmpty()) {
      json.put("scopes_supported", scopesSupported);
    }
    json.put("bearer_methods_supported", List.of("header"));
    if (resourceName != null) {
      json.put("resource_name", resourceName);
    }
    if (resourceDocumentation != null) {
      json.put("resource_documentation", resourceDocumentation.toString());
    }
    return Json.LENIENT.writeValueAsString(json);
  }

  /**
   * The two paths the document is served at: {@code /.well-known/oauth-protected-resource} and
   * the path-suffixed form for the resource's path (e.g. {@code .../oauth-protected-resource/mcp}).
   */
  public List<String> wellKnownPaths() {
    String base = "/.well-known/oauth-protected-resource";
    String path = resource.getRawPath() == null ? "" : resource.getRawPath();
    return path.isEmpty() || path.equals("/") ? List.of(base) : List.of(base, base + path);
  }

  /** The URL of the path-suffixed document, as advertised in challenges. */
  public URI metadataUrl() {
    List<String> paths = wellKnownPaths();
    return resource.resolve(paths.get(paths.size() - 1));
  }
}
