package dev.gatehouse.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper handed to the SDK: Jackson with Gatehouse's configuration, plus a shortcut for
 * the message the transport has already parsed and checked ({@link ParsedMessage}). For that one
 * message the SDK's second parse, and its conversions into a request and {@code tools/call}
 * params, become a few field reads; every other call goes to Jackson unchanged.
 */
final class SdkJsonMapper implements McpJsonMapper {

  private final McpJsonMapper jackson;

  SdkJsonMapper(JsonMapper mapper) {
    this.jackson = new JacksonMcpJsonMapper(mapper);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T readValue(String content, TypeRef<T> type) throws IOException {
    if (type.getType() instanceof java.lang.reflect.ParameterizedType parameterized
        && parameterized.getRawType() == java.util.HashMap.class) {
      Map<String, Object> parsed = ParsedMessage.mapFor(content);
      if (parsed != null) {
        return (T) parsed;
      }
    }
    return jackson.readValue(content, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T convertValue(Object from, Class<T> type) {
    if ((type == McpSchema.JSONRPCRequest.class || type == McpSchema.JSONRPCNotification.class)
        && ParsedMessage.isOffered(from)) {
      Map<String, Object> message = (Map<String, Object>) from;
      // the transport has checked: "jsonrpc" is "2.0", "method" a string, "id" a string or an integer
      String jsonrpc = (String) message.get("jsonrpc");
      String method = (String) message.get("method");
      Object params = message.get("params");
      return type == McpSchema.JSONRPCRequest.class
          ? (T) new McpSchema.JSONRPCRequest(jsonrpc, method, message.get("id"), params)
          : (T) new McpSchema.JSONRPCNotification(jsonrpc, method, params);
    }
    return jackson.convertValue(from, type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T convertValue(Object from, TypeRef<T> type) {
    if (type.getType() == McpSchema.CallToolRequest.class && ParsedMessage.isOffered(from)) {
      Map<String, Object> params = (Map<String, Object>) from;
      Object name = params.get("name");
      Object arguments = params.get("arguments");
      Object meta = params.get("_meta");
      // the transport has checked these shapes; anything else goes the long way
      if (name instanceof String && (arguments == null || arguments instanceof Map)
          && (meta == null || meta instanceof Map)) {
        return (T) new McpSchema.CallToolRequest(
            (String) name, (Map<String, Object>) arguments, (Map<String, Object>) meta);
      }
    }
    return jackson.convertValue(from, type);
  }

  @Override
  public <T> T readValue(String content, Class<T> type) throws IOException {
    return jackson.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, Class<T> type) throws IOException {
    return jackson.readValue(content, type);
  }

  @Override
  public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
    return jackson.readValue(content, type);
  }

  @Override
  public String writeValueAsString(Object value) throws IOException {
    return jackson.writeValueAsString(value);
  }

  @Override
  public byte[] writeValueAsBytes(Object value) throws IOException {
    return jackson.writeValueAsBytes(value);
  }
}
