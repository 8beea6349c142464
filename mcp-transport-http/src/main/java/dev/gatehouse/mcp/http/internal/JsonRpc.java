package dev.gatehouse.mcp.http.internal;

import tools.jackson.databind.JsonNode;

/** Checks the shape of one JSON-RPC 2.0 message before the SDK parses it. */
final class JsonRpc {

  private JsonRpc() {}

  /** Why {@code message} is not a JSON-RPC 2.0 message MCP accepts, or null when it is. */
  static String problem(JsonNode message) {
    if (message.isArray()) {
      return "JSON-RPC batches are not supported; send one message per request";
    }
    if (!message.isObject()) {
      return "a JSON-RPC message must be a JSON object";
    }
    if (!"2.0".equals(message.path("jsonrpc").asString(null))) {
      return "\"jsonrpc\" must be \"2.0\"";
    }
    JsonNode id = message.get("id");
    if (id != null && !(id.isString() || id.isIntegralNumber())) {
      return "\"id\" must be a string or an integer";
    }
    JsonNode method = message.get("method");
    if (method != null) {
      if (!method.isString() || method.asString().isEmpty()) {
        return "\"method\" must be a non-empty string";
      }
      JsonNode params = message.get("params");
      if (params != null && !params.isObject()) {
        return "\"params\" must be an object";
      }
      return null;
    }
    if (id == null || id.isNull()) {
      return "a message needs \"method\" (request or notification) or \"id\" (response)";
    }
    if (message.has("result") == message.has("error")) {
      return "a response has exactly one of \"result\" and \"error\"";
    }
    return null;
  }

  /** The message id as a Java value (String or Long), or null. */
  static Object id(JsonNode message) {
    if (!message.isObject()) {
      return null;
    }
    JsonNode id = message.get("id");
    return id == null ? null : idValue(id);
  }

  static Object idValue(JsonNode id) {
    if (id.isString()) {
      return id.asString();
    }
    if (id.isIntegralNumber()) {
      return id.asLong();
    }
    return null;
  }
}
