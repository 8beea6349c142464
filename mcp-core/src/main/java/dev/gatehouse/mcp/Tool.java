package dev.gatehouse.mcp;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as an MCP tool. The method's parameters become the tool's input schema, its
 * return type the result (and, for records and POJOs, the output schema).
 *
 * <pre>{@code
 * @Tool(description = "Adds a todo", scope = "todo:write")
 * public Todo addTodo(@Param(description = "Title") String title, ToolContext ctx) { ... }
 * }</pre>
 *
 * <p>The hints ({@link #readOnly()}, {@link #destructive()}, {@link #idempotent()},
 * {@link #openWorld()}) default to the values the MCP specification assumes when a hint is absent,
 * so a tool that says nothing is advertised as a possibly destructive, open-world action.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

  /** The tool name; defaults to the method name. 1–128 characters of {@code A-Za-z0-9_-.}. */
  String name() default "";

  /** A human-readable title for user interfaces. */
  String title() default "";

  /** What the tool does, written for the model that decides whether to call it. */
  String description() default "";

  /** Every scope the caller must hold to call this tool (enforced by the auth layer). */
  String[] scope() default {};

  /** The tool does not change its environment. */
  boolean readOnly() default false;

  /** The tool may perform destructive updates (only meaningful when not read-only). */
  boolean destructive() default true;

  /** Calling the tool again with the same arguments has no further effect. */
  boolean idempotent() default false;

  /** The tool interacts with an open world of external entities. */
  boolean openWorld() default true;
}
