package dev.gatehouse.mcp;

import java.util.Base64;
import java.util.Objects;

/**
 * The contents of a resource: text or a binary blob, with its URI and MIME type.
 *
 * <pre>{@code
 * @Resource(uri = "files://logo")
 * public ResourceContent logo() { return ResourceContent.blob("files://logo", "image/png", bytes); }
 * }</pre>
 */
public sealed interface ResourceContent permits ResourceContent.Text, ResourceContent.Blob {

  /** The resource URI. */
  String uri();

  /** The MIME type, or null when unknown. */
  String mimeType();

  /** Text contents. */
  static Text text(String uri, String mimeType, String text) {
    return new Text(uri, mimeType, text);
  }

  /** Binary contents from raw bytes. */
  static Blob blob(String uri, String mimeType, byte[] data) {
    return new Blob(uri, mimeType, Base64.getEncoder().encodeToString(data));
  }

  /** Text contents. */
  record Text(String uri, String mimeType, String text) implements ResourceContent {
    public Text {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Binary contents; {@code blob} is base64. */
  record Blob(String uri, String mimeType, String blob) implements ResourceContent {
    public Blob {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(blob, "blob");
    }
  }
}
