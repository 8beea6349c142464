package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Elicitation forms from Java types: MCP only lets servers ask for a flat object of strings,
 * numbers, booleans and enums, so nested types are refused up front.
 */
public final class ElicitationForms {

  private static final Map<Class<?>, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

  private ElicitationForms() {}

  /** The requested schema for {@code form}, built once per type. */
  public static Map<String, Object> schema(Class<?> form) {
    return CACHE.computeIfAbsent(form, ElicitationForms::build);
  }

  private static Map<String, Object> build(Class<?> form) {
    String why = TypeSupport.unsupported(form);
    if (why != null || !TypeSupport.isObject(form) || java.util.Map.class.isAssignableFrom(form)) {
      throw new IllegalArgumentException(
          form.getName() + " cannot be an elicitation form: " + (why != null ? why : "use a record"));
    }
    Schemas schemas = new Schemas();
    Map<String, Object> full = schemas.standalone(form);
    if (full.containsKey("$defs") || full.containsKey("$ref")) {
      throw new IllegalArgumentException(
          form.getName() + " cannot be an elicitation form: its fields must be strings, numbers,"
              + " booleans or enums");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) full.getOrDefault("properties", Map.of());
    Map<String, Object> flat = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> schema = new LinkedHashMap<>((Map<String, Object>) property.getValue());
      if (schema.get("anyOf") instanceof List<?> choices) {
        // a nullable enum is {"anyOf": [{"type": "null"}, {...}]}: keep the non-null choice
        for (Object choice : choices) {
          if (choice instanceof Map<?, ?> option && !"null".equals(option.get("type"))) {
            schema.remove("anyOf");
            option.forEach((k, v) -> schema.putIfAbsent((String) k, v));
          }
        }
      }
      Object type = schema.get("type");
      if (type instanceof List<?> types) {
        // Java can't say "not null": a form field is simply required
        schema.put("type", types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null));
      }
      if (schema.get("enum") instanceof List<?> values) {
        schema.put("enum", values.stream().filter(java.util.Objects::nonNull).toList());
      }
      if (schema.containsKey("enum") && schema.get("type") == null) {
        schema.put("type", "string"); // enums are listed by name
      }
      Object single = schema.get("type");
      if (!(single instanceof String name)
          || !List.of("string", "number", "integer", "boolean").contains(name)) {
        throw new IllegalArgumentException(
            form.getName() + "." + property.getKey() + " cannot be asked for: elicitation fields"
                + " are strings, numbers, booleans or enums");
      }
      schema.remove("format");
      flat.put(property.getKey(), schema);
      required.add(property.getKey());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", "object");
    result.put("properties", flat);
    if (!required.isEmpty()) {
      result.put("required", required);
    }
    return java.util.Collections.unmodifiableMap(result);
  }

  /** Converts submitted values into {@code type}. */
  public static <T> T read(Map<String, Object> content, Class<T> type) {
    try {
      return Json.LENIENT.convertValue(content, type);
    } catch (RuntimeException e) {
      throw new ToolException("the answer does not fit " + type.getSimpleName(), e);
    }
  }
}
