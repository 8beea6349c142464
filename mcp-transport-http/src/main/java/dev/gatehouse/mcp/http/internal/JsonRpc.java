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

  /**
   * Why the params of a request Gatehouse serves don't have the shape MCP defines, or null. The
   * SDK would otherwise fail while converting them and never answer.
   */
  static String paramsProblem(String method, JsonNode params) {
    switch (method) {
      case "tools/call":
        return firstOf(
            text(params, "name", true), object(params, "arguments"), object(params, "_meta"));
      case "prompts/get":
        return firstOf(text(params, "name", true), stringMap(params, "arguments"));
      case "resources/read", "resources/subscribe", "resources/unsubscribe":
        return text(params, "uri", true);
      case "completion/complete":
        return firstOf(
            params.path("ref").isObject() ? null : "params.ref must be an object",
            !params.path("argument").isObject()
                ? "params.argument must be an object"
                : firstOf(
                    text(params.path("argument"), "name", true, "params.argument."),
                    text(params.path("argument"), "value", true, "params.argument.")));
      case "logging/setLevel":
        return text(params, "level", true);
      case "initialize":
        if (!params.path("clientInfo").isObject()) {
          return "params.clientInfo must be an object";
        }
        return firstOf(
            text(params, "protocolVersion", true),
            params.path("capabilities").isObject() ? null : "params.capabilities must be an object",
            text(params.path("clientInfo"), "name", true, "params.clientInfo."),
            text(params.path("clientInfo"), "version", true, "params.clientInfo."));
      default:
        return null;
    }
  }

  private static String firstOf(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String text(JsonNode params, String field, boolean required) {
    return text(params, field, required, "params.");
  }

  private static String text(JsonNode node, String field, boolean required, String path) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return required ? path + field + " is required" : null;
    }
    return value.isString() ? null : path + field + " must be a string";
  }

  private static String object(JsonNode params, String field) {
    JsonNode value = params == null ? null : params.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isObject() ? null : "params." + field + " must be an object";
  }

  private static String stringMap(JsonNode params, String field) {
    String notObject = object(params, field);
    if (notObject != null) {
      return notObject;
    }
    JsonNode value = params == null ? null : params.get(field);
    if (value != null && value.isObject()) {
      for (var entry : value.properties()) {
        if (!entry.getValue().isString()) {
          return "params." + field + "." + entry.getKey() + " must be a string";
        }
      }
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
