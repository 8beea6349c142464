package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.ToolContext;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** How one method parameter gets its value: from an argument, the context, or the caller. */
sealed interface ParamBinding {

  Object bind(Map<String, Object> arguments, ToolContext context, JsonMapper mapper);

  /** The {@link ToolContext} itself. */
  record Context() implements ParamBinding {
    @Override
    public Object bind(Map<String, Object> arguments, ToolContext context, JsonMapper mapper) {
      return context;
    }
  }

  /** The {@link Caller} of the request. */
  record CallerParam() implements ParamBinding {
    @Override
    public Object bind(Map<String, Object> arguments, ToolContext context, JsonMapper mapper) {
      return context.caller();
    }
  }

  /**
   * A named argument.
   *
   * @param name the argument name
   * @param valueType the type of the value (inside {@code Optional} when {@code optional})
   * @param javaType the same, resolved for Jackson
   * @param optional whether the parameter is {@code Optional<T>}
   * @param required whether a missing argument is an error
   * @param description the {@code @Param} description
   */
  record Argument(
      String name,
      Type valueType,
      JavaType javaType,
      boolean optional,
      boolean required,
      String description)
      implements ParamBinding {

    @Override
    public Object bind(Map<String, Object> arguments, ToolContext context, JsonMapper mapper) {
      Object raw = arguments == null ? null : arguments.get(name);
      if (raw == null) {
        if (required) {
          throw new ArgumentException(
              (arguments != null && arguments.containsKey(name) ? "null" : "missing")
                  + " required argument at $." + name + " (expected "
                  + TypeSupport.describe(javaType.getRawClass()) + ")");
        }
        return optional ? Optional.empty() : defaultValue(javaType.getRawClass());
      }
      Object value = convert(raw, mapper);
      return optional ? Optional.of(value) : value;
    }

    private Object convert(Object raw, JsonMapper mapper) {
      try {
        return mapper.convertValue(raw, javaType);
      } catch (MismatchedInputException e) {
        String path = Paths.of(name, e);
        Class<?> target = e.getTargetType() != null ? e.getTargetType() : javaType.getRawClass();
        String expected = TypeSupport.describe(target);
        if (e instanceof InvalidFormatException f && f.getValue() != null) {
          return fail("expected " + expected + " at " + path + ", got '" + f.getValue() + "'");
        }
        return fail("expected " + expected + " at " + path);
      } catch (JacksonException | IllegalArgumentException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause()) {
          cause = cause.getCause();
        }
        return fail("invalid value at $." + name + ": " + firstLine(cause.getMessage()));
      }
    }

    private static Object fail(String message) {
      throw new ArgumentException(message);
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "unreadable";
      }
      int end = message.indexOf('\n');
      return end < 0 ? message : message.substring(0, end);
    }

    private static Object defaultValue(Class<?> type) {
      if (!type.isPrimitive()) {
        return null;
      }
      if (type == boolean.class) {
        return false;
      }
      if (type == char.class) {
        return '\0';
      }
      if (type == double.class) {
        return 0d;
      }
      if (type == float.class) {
        return 0f;
      }
      if (type == long.class) {
        return 0L;
      }
      if (type == short.class) {
        return (short) 0;
      }
      if (type == byte.class) {
        return (byte) 0;
      }
      return 0;
    }
  }
}
