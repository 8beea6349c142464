package dev.gatehouse.mcp.test;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.McpJsonMapperSupplier;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidatorSupplier;

/**
 * Registered first on this module's test classpath: any SDK code path that falls back to the
 * classpath's default JSON mapper or schema validator (instead of the ones Gatehouse passes
 * explicitly) fails loudly in every integration test here.
 */
public final class PoisonedJsonDefaults {

  static final String MESSAGE = "the SDK fell back to a classpath JSON default";

  private PoisonedJsonDefaults() {}

  /** Stands in for the classpath's JSON mapper. */
  public static final class Mapper implements McpJsonMapperSupplier {
    @Override
    public McpJsonMapper get() {
      throw new IllegalStateException(MESSAGE);
    }
  }

  /** Stands in for the classpath's schema validator. */
  public static final class Validator implements JsonSchemaValidatorSupplier {
    @Override
    public JsonSchemaValidator get() {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
