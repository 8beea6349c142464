package dev.gatehouse.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as an MCP resource: a fixed URI, or an RFC 6570 URI template whose
 * {@code {variables}} are bound to the method's parameters by name.
 *
 * <pre>{@code
 * @Resource(uri = "todo://items/{id}", mimeType = "application/json", description = "One todo")
 * public Todo item(String id) { ... }
 * }</pre>
 *
 * <p>Return a {@code String} (text with {@link #mimeType()}), a {@code byte[]} (a blob), a
 * {@link ResourceContent} (or a list of them) for full control, or any record/POJO (serialized as JSON).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Resource {

  /** The resource URI, or a URI template with {@code {var}} placeholders. */
  String uri();

  /** The resource name; defaults to the method name. */
  String name() default "";

  /** A human-readable title. */
  String title() default "";

  /** What the resource holds. */
  String description() default "";

  /** The MIME type of the contents; defaults to {@code text/plain} for text. */
  String mimeType() default "";

  /** Every scope the caller must hold to read this resource (enforced by the auth layer). */
  String[] scope() default {};
}
