package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.mcp.spi.HttpReply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8414 authorization server metadata (also served as the OpenID discovery document, for
 * clients that only look there). Built once at start.
 */
public final class ServerMetadata {

  private final String json;

  public ServerMetadata(
      URI issuer, Map<String, String> endpoints, List<String> scopes, boolean registration, boolean documents,
      String signingAlgorithm) {
    String base = issuer.toString();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("issuer", base);
    m.put("authorization_endpoint", base + endpoints.get("authorize"));
    m.put("token_endpoint", base + endpoints.get("token"));
    m.put("jwks_uri", base + endpoints.get("jwks"));
    if (registration) {
      m.put("registration_endpoint", base + endpoints.get("register"));
    }
    m.put("revocation_endpoint", base + endpoints.get("revoke"));
    m.put("scopes_supported", scopes);
    m.put("response_types_supported", List.of("code"));
    m.put("response_modes_supported", List.of("query"));
    m.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
    List<String> methods = List.of("none", "client_secret_basic", "client_secret_post");
    m.put("token_endpoint_auth_methods_supported", methods);
    m.put("revocation_endpoint_auth_methods_supported", methods);
    m.put("code_challenge_methods_supported", List.of("S256"));
    m.put("authorization_response_iss_parameter_supported", true);
    m.put("client_id_metadata_document_supported", documents);
    m.put("subject_types_supported", List.of("public"));
    m.put("id_token_signing_alg_values_supported", List.of(signingAlgorithm));
    this.json = JSONObjectUtils.toJSONString(m);
  }

  public HttpReply reply() {
    return HttpReply.json(200, json).with("Cache-Control", "public, max-age=3600");
  }
}
