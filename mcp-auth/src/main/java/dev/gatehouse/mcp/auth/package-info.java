/**
 * OAuth 2.1 for Gatehouse servers: bearer-token verification ({@link dev.gatehouse.mcp.auth.JwtAuth}),
 * RFC 9728 protected-resource metadata and {@code WWW-Authenticate} challenges.
 *
 * <p>{@link dev.gatehouse.mcp.auth.JwtAuth} verifies JWT access tokens from any issuer,
 * {@link dev.gatehouse.mcp.auth.IntrospectionAuth} opaque ones (RFC 7662). Pass either to
 * {@code McpServer.Builder.auth(...)}; the HTTP transport then answers 401/403 challenges, serves
 * the metadata and filters lists by caller.
 */
package dev.gatehouse.mcp.auth;
