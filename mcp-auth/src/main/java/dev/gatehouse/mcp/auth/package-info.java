/**
 * OAuth 2.1 for Gatehouse servers: bearer-token verification ({@link dev.gatehouse.mcp.auth.JwtAuth}),
 * RFC 9728 protected-resource metadata and {@code WWW-Authenticate} challenges.
 *
 * <p>This release ships the verification library; wiring it into the HTTP transport (the 401/403
 * gate, the metadata endpoints, lists filtered by caller) is in progress.
 */
package dev.gatehouse.mcp.auth;
