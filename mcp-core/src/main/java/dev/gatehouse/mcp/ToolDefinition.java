package dev.gatehouse.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tool built at run time rather than declared with {@link Tool}: a name, a JSON Schema for its
 * input, and a {@link ToolHandler}.
 *
 * <pre>{@code
 * ToolDefinition echo = ToolDefinition.builder("echo")
 *     .description("Echoes its input")
 *     .inputSchema(Map.of("type", "object",
 *         "properties", Map.of("text", Map.of("type", "string")),
 *         "required", List.of("text")))
 *     .handler((args, ctx) -> ToolResult.text((String) args.get("text")))
 *     .build();
 * McpServer.builder("demo", "1.0").tool(echo).start();
 * }</pre>
 */
public final class ToolDefinition {

  private final String name;
  private final String title;
  private final String description;
  private final Map<String, Object> inputSchema;
  private final List<String> scopes;
  private final boolean readOnly;
  private final boolean destructive;
  private final boolean idempotent;
  private final boolean openWorld;
  private final ToolHandler handler;

  private ToolDefinition(Builder b) {
    this.name = b.name;
    this.title = b.title;
    this.description = b.description;
    this.inputSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.inputSchema));
    this.scopes = List.copyOf(b.scopes);
    this.readOnly = b.readOnly;
    this.destructive = b.destructive;
    this.idempotent = b.idempotent;
    this.openWorld = b.openWorld;
    this.handler = b.handler;
  }

  /** Starts a definition; the name must follow the MCP tool name rules. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  public String description() {
    return description;
  }

  public Map<String, Object> inputSchema() {
    return inputSchema;
  }

  public List<String> scopes() {
    return scopes;
  }

  public boolean readOnly() {
    return readOnly;
  }

  public boolean destructive() {
    return destructive;
  }

  public boolean idempotent() {
    return idempotent;
  }

  public boolean openWorld() {
    return openWorld;
  }

  public ToolHandler handler() {
    return handler;
  }

  /** Builds a {@link ToolDefinition}. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description = "";
    private Map<String, Object> inputSchema =
        Map.of("type", "object", "properties", Map.of());
    private final List<String> scopes = new ArrayList<>();
    private boolean readOnly;
    private boolean destructive = true;
    private boolean idempotent;
    private boolean openWorld = true;
    private ToolHandler handler;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** The input schema: a JSON Schema object ({@code "type": "object"}) as nested maps. */
    public Builder inputSchema(Map<String, Object> inputSchema) {
      this.inputSchema = new LinkedHashMap<>(Objects.requireNonNull(inputSchema, "inputSchema"));
      return this;
    }

    public Builder scope(String... scopes) {
      this.scopes.addAll(List.of(scopes));
      return this;
    }

    public Builder readOnly(boolean readOnly) {
      this.readOnly = readOnly;
      return this;
    }

    public Builder destructive(boolean destructive) {
      this.destructive = destructive;
      return this;
    }

    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    public Builder openWorld(boolean openWorld) {
      this.openWorld = openWorld;
      return this;
    }

    public Builder handler(ToolHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public ToolDefinition build() {
      if (handler == null) {
        throw new McpException("tool '" + name + "' has no handler");
      }
      return new ToolDefinition(this);
    }
  }
}
