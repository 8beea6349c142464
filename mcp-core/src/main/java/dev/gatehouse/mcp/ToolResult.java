package dev.gatehouse.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The full result of a tool call, for tools that return more than a string or a record: images,
 * audio, embedded resources, mixed content, or an error result.
 *
 * <pre>{@code
 * return ToolResult.of(Content.text("Chart attached"), Content.image(png, "image/png"));
 * return ToolResult.error("No todo with id " + id);
 * }</pre>
 */
public final class ToolResult {

  private final List<Content> content;
  private final Object structuredContent;
  private final boolean error;

  private ToolResult(List<Content> content, Object structuredContent, boolean error) {
    this.content = List.copyOf(content);
    this.structuredContent = structuredContent;
    this.error = error;
  }

  /** A single text block. */
  public static ToolResult text(String text) {
    return new ToolResult(List.of(Content.text(text)), null, false);
  }

  /** Any mix of content blocks. */
  public static ToolResult of(Content... content) {
    return new ToolResult(List.of(content), null, false);
  }

  /** Any mix of content blocks. */
  public static ToolResult of(List<? extends Content> content) {
    return new ToolResult(List.copyOf(content), null, false);
  }

  /**
   * A structured result: {@code value} (a record, POJO or map) becomes {@code structuredContent},
   * and its JSON text is added as a text block for clients that predate structured content.
   */
  public static ToolResult structured(Object value) {
    return new ToolResult(List.of(), Objects.requireNonNull(value, "value"), false);
  }

  /** An error result ({@code isError: true}) the model can read and react to. */
  public static ToolResult error(String message) {
    return new ToolResult(List.of(Content.text(message)), null, true);
  }

  /** An error result with any mix of content blocks. */
  public static ToolResult error(List<? extends Content> content) {
    return new ToolResult(List.copyOf(content), null, true);
  }

  /** This result with {@code value} as its structured content. */
  public ToolResult withStructuredContent(Object value) {
    return new ToolResult(content, Objects.requireNonNull(value, "value"), error);
  }

  /** The content blocks. */
  public List<Content> content() {
    return content;
  }

  /** The structured content, if any. */
  public Optional<Object> structuredContent() {
    return Optional.ofNullable(structuredContent);
  }

  /** Whether this is an error result. */
  public boolean isError() {
    return error;
  }

  @Override
  public String toString() {
    return "ToolResult[content=" + content + ", structured=" + structuredContent + ", error=" + error + "]";
  }
}
