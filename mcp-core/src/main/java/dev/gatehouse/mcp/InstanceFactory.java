package dev.gatehouse.mcp;

/**
 * Creates the instances of classes found by {@link McpServer.Builder#scan(String...)}, so that a
 * dependency injection container can supply them.
 *
 * <pre>{@code
 * McpServer.builder("todo", "1.0").scan("com.example").instanceFactory(injector::getInstance);
 * }</pre>
 */
@FunctionalInterface
public interface InstanceFactory {

  /** Returns the instance that serves the annotated methods of {@code type}. */
  Object create(Class<?> type) throws Exception;
}
