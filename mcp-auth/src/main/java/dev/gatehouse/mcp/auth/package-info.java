/**
 * OAuth 2.1 for Gatehouse servers: token verification, protected-resource metadata and
 * {@code WWW-Authenticate} challenges.
 *
 * <p>Reserved: this module ships empty in 0.1. Every caller is {@link dev.gatehouse.mcp.Caller#anonymous()}
 * and {@code @Tool(scope = ...)} is recorded (and validated as an OAuth scope token) but not yet
 * enforced.
 */
package dev.gatehouse.mcp.auth;
