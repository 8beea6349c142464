package dev.gatehouse.mcp.internal;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Java types into JSON Schema 2020-12 with victools. One instance per tool (or output
 * type), so that the types it mentions share one {@code $defs} section.
 */
final class Schemas {

  private static final SchemaGenerator GENERATOR = new SchemaGenerator(config());

  private final SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();

  private static com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(
            Json.LENIENT, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON);
    config.with(Option.EXTRA_OPEN_API_FORMAT_VALUES);
    config.with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
    config.without(Option.SCHEMA_VERSION_INDICATOR);
    config.with(Option.NULLABLE_FIELDS_BY_DEFAULT);
    // declaration order (record components, then fields), the same on every run
    config.forTypesInGeneral().withPropertySorter(Schemas::declarationOrder);
    config.forTypesInGeneral()
        .withCustomDefinitionProvider(
            (javaType, context) -> {
              Class<?> raw = javaType.getErasedType();
              if (raw == byte[].class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                    context.getGeneratorConfig().createObjectNode()
                        .put("type", "string")
                        .put("contentEncoding", "base64"));
              }
              if (raw == byte.class || raw == Byte.class) {
                return new com.github.victools.jsonschema.generator.CustomDefinition(
                    context.getGeneratorConfig().createObjectNode()
                        .put("type", "integer")
                        .put("minimum", (int) Byte.MIN_VALUE)
                        .put("maximum", (int) Byte.MAX_VALUE));
              }
              return null;
            });
    config.forTypesInGeneral()
        .withArrayUniqueItemsResolver(
            scope -> scope.getType().isInstanceOf(java.util.Set.class) ? Boolean.TRUE : null);
    config.forFields().withRequiredCheck(field -> field.getType().isPrimitive()
        || field.getDeclaringType().getErasedType().isRecord());
    return config.build();
  }

  private static int declarationOrder(
      com.github.victools.jsonschema.generator.MemberScope<?, ?> a,
      com.github.victools.jsonschema.generator.MemberScope<?, ?> b) {
    int byPosition = Integer.compare(position(a), position(b));
    return byPosition != 0 ? byPosition : a.getSchemaPropertyName().compareTo(b.getSchemaPropertyName());
  }

  private static int position(com.github.victools.jsonschema.generator.MemberScope<?, ?> member) {
    Class<?> type = member.getDeclaringType().getErasedType();
    // record components may be collected as accessor methods ("id()"); match on the property name
    String name = member.getSchemaPropertyName();
    int index = 0;
    if (type.isRecord()) {
      for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(name)) {
          return index;
        }
        index++;
      }
    }
    for (java.lang.reflect.Field field : type.getDeclaredFields()) {
      if (field.getName().equals(name)) {
        return index;
      }
      index++;
    }
    return Integer.MAX_VALUE;
  }

  /** The schema of one value of {@code type}, possibly a {@code $ref} into the shared defs. */
  ObjectNode schemaOf(Type type) {
    return builder.createSchemaReference(type);
  }

  /** Wraps named property schemas in an object schema with the shared {@code $defs}. */
  Map<String, Object> objectSchema(
      Map<String, ObjectNode> properties, List<String> required, Map<String, String> descriptions) {
    ObjectNode defs = builder.collectDefinitions("$defs");
    Map<String, Object> schema = new CheckedSchema();
    schema.put("type", "object");
    Map<String, Object> props = new LinkedHashMap<>();
    properties.forEach(
        (name, node) -> {
          ObjectNode copy = node.deepCopy();
          String description = descriptions.get(name);
          if (description != null && !description.isEmpty()) {
            copy.put("description", description);
          }
          props.put(name, toMap(copy));
        });
    schema.put("properties", props);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    if (defs != null && !defs.isEmpty()) {
      schema.put("$defs", toMap(defs));
    }
    return schema;
  }

  /** The complete schema of {@code type} (with its own {@code $defs}), as nested maps. */
  Map<String, Object> standalone(Type type) {
    ObjectNode node = schemaOf(type);
    ObjectNode defs = builder.collectDefinitions("$defs");
    Map<String, Object> schema = toMap(node);
    if (defs != null && !defs.isEmpty()) {
      schema.put("$defs", toMap(defs));
    }
    return schema;
  }

  static Map<String, Object> toMap(JsonNode node) {
    return Json.LENIENT.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}
