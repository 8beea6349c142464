package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.ToolResult;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** How a tool method's return value becomes a {@link ToolResult}; chosen once per method. */
final class ResultShape {

  private enum Kind {
    VOID,
    TEXT,
    TOOL_RESULT,
    CONTENT,
    CONTENT_LIST,
    STRUCTURED,
    WRAPPED
  }

  private static final TypeReference<LinkedHashMap<String, Object>> MAP =
      new TypeReference<>() {};

  private final Kind kind;
  private final Map<String, Object> outputSchema;

  private ResultShape(Kind kind, Map<String, Object> outputSchema) {
    this.kind = kind;
    this.outputSchema = outputSchema;
  }

  /** Picks the shape for a return type, or records why it is unsupported. */
  static ResultShape of(Type type, String where, List<String> problems) {
    Class<?> raw = TypeSupport.raw(type);
    boolean optional = raw == Optional.class;
    if (optional) {
      type = TypeSupport.typeArgument(type, 0);
      raw = TypeSupport.raw(type);
    }
    if (raw == void.class || raw == Void.class) {
      return new ResultShape(Kind.VOID, null);
    }
    if (raw == String.class) {
      return new ResultShape(Kind.TEXT, null);
    }
    if (raw == ToolResult.class) {
      return new ResultShape(Kind.TOOL_RESULT, null);
    }
    if (Content.class.isAssignableFrom(raw)) {
      return new ResultShape(Kind.CONTENT, null);
    }
    if (Collection.class.isAssignableFrom(raw)
        && Content.class.isAssignableFrom(TypeSupport.raw(TypeSupport.typeArgument(type, 0)))) {
      return new ResultShape(Kind.CONTENT_LIST, null);
    }
    String why = TypeSupport.unsupported(type);
    if (why != null) {
      problems.add(where + ": unsupported return type " + type.getTypeName() + ": " + why);
      return new ResultShape(Kind.VOID, null);
    }
    Schemas schemas = new Schemas();
    if (optional) {
      return wrapped(type, false);
    }
    if (TypeSupport.isObject(type)) {
      Map<String, Object> schema = schemas.standalone(type);
      if (!"object".equals(schema.get("type")) && !schema.containsKey("$ref")) {
        return wrapped(type, true);
      }
      return new ResultShape(Kind.STRUCTURED, schema);
    }
    return wrapped(type, true);
  }

  /** {@code {"result": value}}; an empty {@code Optional} leaves {@code result} out. */
  private static ResultShape wrapped(Type type, boolean required) {
    Schemas schemas = new Schemas();
    Map<String, Object> schema =
        schemas.objectSchema(
            Map.of("result", schemas.schemaOf(type)),
            required ? List.of("result") : List.of(),
            Map.of());
    return new ResultShape(Kind.WRAPPED, schema);
  }

  /** The output schema, or null when the tool returns unstructured content. */
  Map<String, Object> outputSchema() {
    return outputSchema;
  }

  ToolResult toResult(Object value, String tool) {
    if (value instanceof Optional<?> optional) {
      value = optional.orElse(null);
    }
    switch (kind) {
      case VOID:
        return ToolResult.of(List.of());
      case TEXT:
        return ToolResult.text(value == null ? "" : (String) value);
      case TOOL_RESULT:
        if (value == null) {
          throw new IllegalStateException("tool '" + tool + "' returned a null ToolResult");
        }
        return (ToolResult) value;
      case CONTENT:
        return value == null ? ToolResult.of(List.of()) : ToolResult.of((Content) value);
      case CONTENT_LIST:
        return value == null
            ? ToolResult.of(List.of())
            : ToolResult.of(List.copyOf((Collection<? extends Content>) value));
      case STRUCTURED:
        if (value == null) {
          throw new IllegalStateException(
              "tool '" + tool + "' returned null but declares structured output");
        }
        Map<String, Object> structured = Json.LENIENT.convertValue(value, MAP);
        return ToolResult.of(Content.text(Json.LENIENT.writeValueAsString(value)))
            .withStructuredContent(structured);
      case WRAPPED:
      default:
        Map<String, Object> wrapper = new LinkedHashMap<>();
        if (value != null) {
          wrapper.put("result", Json.LENIENT.convertValue(value, Object.class));
        }
        return ToolResult.of(Content.text(Json.LENIENT.writeValueAsString(value)))
            .withStructuredContent(wrapper);
    }
  }
}
