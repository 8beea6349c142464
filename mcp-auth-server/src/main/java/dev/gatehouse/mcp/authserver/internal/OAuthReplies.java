package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.gatehouse.mcp.spi.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers in the RFC 6749 error format, and JSON success bodies. */
public final class OAuthReplies {

  private OAuthReplies() {}

  /** {@code {"error": ..., "error_description": ...}} with {@code Cache-Control: no-store}. */
  public static HttpReply error(int status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    if (description != null) {
      body.put("error_description", description);
    }
    return HttpReply.json(status, JSONObjectUtils.toJSONString(body)).with("Pragma", "no-cache");
  }

  /** A 200 JSON body that must not be cached. */
  public static HttpReply ok(Map<String, ?> body) {
    return ok(200, body);
  }

  /** A JSON body with this status that must not be cached. */
  public static HttpReply ok(int status, Map<String, ?> body) {
    return HttpReply.json(status, JSONObjectUtils.toJSONString(body)).with("Pragma", "no-cache");
  }

  /**
   * The refusal of a request to a POST-only endpoint limited per address (405 or 429), or empty
   * when it may go ahead.
   */
  public static java.util.Optional<HttpReply> refusedPost(
      dev.gatehouse.mcp.spi.HttpExchange exchange, RateLimiter perAddress) {
    if (!exchange.method().equals("POST")) {
      return java.util.Optional.of(methodNotAllowed("POST"));
    }
    long wait = perAddress.acquire(exchange.remoteAddress());
    return wait > 0 ? java.util.Optional.of(tooManyRequests(wait)) : java.util.Optional.empty();
  }

  /** The first of {@code names} that the request gives more than once. */
  public static java.util.Optional<String> repeated(
      dev.gatehouse.mcp.spi.HttpExchange exchange, java.util.List<String> names) {
    return names.stream().filter(name -> exchange.count(name) > 1).findFirst();
  }

  public static HttpReply methodNotAllowed(String allowed) {
    return error(405, "invalid_request", "method not allowed; use " + allowed).with("Allow", allowed);
  }

  /** 429 with {@code Retry-After}. */
  public static HttpReply tooManyRequests(long retryAfterSeconds) {
    return error(429, "temporarily_unavailable", "too many requests; retry later")
        .with("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
  }
}
