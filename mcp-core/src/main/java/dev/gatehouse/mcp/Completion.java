package dev.gatehouse.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Supplies completions for one argument of a prompt, or one variable of a resource template.
 * Exactly one of {@link #prompt()} and {@link #resource()} is set.
 *
 * <pre>{@code
 * @Completion(prompt = "planDay", argument = "mood")
 * public List<String> moods(String prefix) {
 *   return Stream.of("calm", "busy").filter(m -> m.startsWith(prefix)).toList();
 * }
 * }</pre>
 *
 * <p>The method takes the partial value as a {@code String}, optionally followed by a
 * {@code Map<String, String>} of the arguments already resolved, and returns a
 * {@code List<String>} (at most 100 values are sent).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Completion {

  /** The name of the prompt whose argument this completes. */
  String prompt() default "";

  /** The URI template of the resource whose variable this completes. */
  String resource() default "";

  /** The argument or template variable name. */
  String argument();
}
