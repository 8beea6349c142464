package dev.gatehouse.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Tool}, {@link Prompt} or templated {@link Resource} method.
 *
 * <pre>{@code
 * public List<Todo> list(@Param(description = "Max items") Optional<Integer> limit) { ... }
 * }</pre>
 *
 * <p>A parameter is required unless its type is {@code Optional<T>} or it says
 * {@code required = false} (then it is bound to {@code null} when absent, or to the primitive's
 * zero value).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

  /** The argument name; defaults to the Java parameter name (compile with {@code -parameters}). */
  String name() default "";

  /** What the argument means, shown to the model and to people. */
  String description() default "";

  /** Whether the argument must be present; {@code Optional<T>} parameters are never required. */
  boolean required() default true;
}
