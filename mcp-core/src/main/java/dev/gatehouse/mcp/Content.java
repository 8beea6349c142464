package dev.gatehouse.mcp;

import java.util.Base64;
import java.util.Objects;

/**
 * One block of tool or prompt content: text, an image, audio, an embedded resource or a link to a
 * resource.
 *
 * <pre>{@code
 * ToolResult.of(Content.text("Here is the chart"), Content.image(png, "image/png"));
 * }</pre>
 */
public sealed interface Content
    permits Content.Text, Content.Image, Content.Audio, Content.Embedded, Content.Link {

  /** Plain text. */
  static Text text(String text) {
    return new Text(text);
  }

  /** An image from raw bytes, e.g. {@code image(bytes, "image/png")}. */
  static Image image(byte[] data, String mimeType) {
    return new Image(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** Audio from raw bytes, e.g. {@code audio(bytes, "audio/wav")}. */
  static Audio audio(byte[] data, String mimeType) {
    return new Audio(Base64.getEncoder().encodeToString(data), mimeType);
  }

  /** A resource's contents embedded in the result. */
  static Embedded embedded(ResourceContent resource) {
    return new Embedded(resource);
  }

  /** A link to a resource the client may read later. */
  static Link link(String uri, String name, String description, String mimeType) {
    return new Link(uri, name, description, mimeType);
  }

  /** Plain text. */
  record Text(String text) implements Content {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** An image; {@code data} is base64. */
  record Image(String data, String mimeType) implements Content {
    public Image {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** Audio; {@code data} is base64. */
  record Audio(String data, String mimeType) implements Content {
    public Audio {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }
  }

  /** An embedded resource. */
  record Embedded(ResourceContent resource) implements Content {
    public Embedded {
      Objects.requireNonNull(resource, "resource");
    }
  }

  /** A resource link; {@code description} and {@code mimeType} may be null. */
  record Link(String uri, String name, String description, String mimeType) implements Content {
    public Link {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }
  }
}
