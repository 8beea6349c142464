package dev.gatehouse.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as an MCP prompt; its {@link Param} parameters (strings, or types that can be
 * read from a string) are the prompt's arguments.
 *
 * <pre>{@code
 * @Prompt(description = "Plans the day from open todos")
 * public String planDay(@Param(description = "Mood") Optional<String> mood) { ... }
 * }</pre>
 *
 * <p>Return a {@code String} (one user message), a {@link PromptMessage}, a list of them, or a
 * {@link PromptResult}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Prompt {

  /** The prompt name; defaults to the method name. */
  String name() default "";

  /** A human-readable title. */
  String title() default "";

  /** What the prompt is for. */
  String description() default "";

  /** Every scope the caller must hold to get this prompt (enforced by the auth layer). */
  String[] scope() default {};
}
