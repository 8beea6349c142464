package dev.gatehouse.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/** The one Jackson 3 configuration Gatehouse uses, handed to the SDK explicitly. */
public final class Json {

  /** Strict mapper for tool arguments: no coercion of scalars, no float-to-int truncation. */
  public static final JsonMapper STRICT =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // a string parameter takes a JSON string, not a number or boolean turned into text
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  /**
   * Lenient mapper for values that travel as strings (prompt arguments, URI template variables),
   * and for serializing results.
   */
  public static final JsonMapper LENIENT =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * The mapper handed to the SDK, so the classpath never decides which Jackson it uses. It reuses
   * the message the transport already parsed instead of parsing it again ({@link ParsedMessage}).
   */
  public static final McpJsonMapper MCP = new SdkJsonMapper(LENIENT);

  /**
   * The schema validator handed to the SDK, for the same reason. Built on first use: most
   * servers never validate a schema at run time (arguments are checked by the binder), and the
   * validator's library costs start-up time.
   */
  public static final JsonSchemaValidator VALIDATOR = new LazyValidator();

  private static final class LazyValidator implements JsonSchemaValidator {
    /** Loaded with its library on first use only. */
    private static final class Holder {
      static final JsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator(LENIENT);
    }

    @Override
    public ValidationResponse validate(java.util.Map<String, Object> schema, Object structuredContent) {
      return Holder.VALIDATOR.validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(java.util.Map<String, Object> schema) {
      // the SDK checks every tool schema when a server is built; Gatehouse's are checked already
      return schema instanceof CheckedSchema
          ? ValidationResponse.asValid(null)
          : Holder.VALIDATOR.validateSchema(schema);
    }
  }

  private Json() {}
}
