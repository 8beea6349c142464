package dev.gatehouse.mcp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The JSON-RPC message the transport has already parsed, offered to the SDK so it need not parse
 * the same body a second time. The transport offers it on the request thread just before the
 * SDK's servlet runs, and withdraws it afterwards; {@link SdkJsonMapper} uses it only when the SDK
 * asks, on that thread, to read exactly the offered text. Anything else parses as usual.
 */
public final class ParsedMessage {

  private static final ThreadLocal<ParsedMessage> CURRENT = new ThreadLocal<>();

  private final String text;
  private final JsonNode tree;
  private HashMap<String, Object> map;

  private ParsedMessage(String text, JsonNode tree) {
    this.text = text;
    this.tree = tree;
  }

  /** Offers {@code tree}, parsed from {@code text}, to the SDK on the current thread. */
  public static void offer(String text, JsonNode tree) {
    CURRENT.set(new ParsedMessage(text, tree));
  }

  /** Withdraws what this thread offered. */
  public static void withdraw() {
    CURRENT.remove();
  }

  /** The offered message as the plain map the SDK expects, when {@code text} is what was offered. */
  static HashMap<String, Object> mapFor(String text) {
    ParsedMessage offered = CURRENT.get();
    if (offered == null || !offered.tree.isObject() || !offered.text.equals(text)) {
      return null;
    }
    if (offered.map == null) {
      offered.map = object(offered.tree);
    }
    return offered.map;
  }

  /** Whether {@code value} is the map (or its params) handed out on this thread for the offered message. */
  static boolean isOffered(Object value) {
    ParsedMessage offered = CURRENT.get();
    return offered != null
        && offered.map != null
        && value != null
        && (value == offered.map || value == offered.map.get("params"));
  }

  /**
   * The same Java values Jackson's untyped reading gives: maps, lists, strings, Integer, Long or
   * BigInteger, Double, Boolean and null.
   */
  private static Object plain(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return object(node);
      case ARRAY:
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode item : node.values()) {
          list.add(plain(item));
        }
        return list;
      case STRING:
        return node.stringValue();
      case NUMBER:
        return node.numberValue();
      case BOOLEAN:
        return node.booleanValue();
      case NULL:
        return null;
      default:
        throw new IllegalStateException("not a JSON value: " + node.getNodeType());
    }
  }

  private static LinkedHashMap<String, Object> object(JsonNode node) {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      map.put(property.getKey(), plain(property.getValue()));
    }
    return map;
  }
}
