package dev.gatehouse.mcp.internal;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which Java types can travel as JSON arguments and results, and how to name them in errors. */
final class TypeSupport {

  private static final Set<Class<?>> SCALARS =
      Set.of(
          String.class, Boolean.class, Integer.class, Long.class, Short.class, Byte.class,
          Double.class, Float.class, BigDecimal.class, BigInteger.class, Character.class,
          UUID.class, URI.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
          Instant.class, OffsetDateTime.class, ZonedDateTime.class, Duration.class);

  private TypeSupport() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof GenericArrayType g) {
      return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
    }
    return Object.class;
  }

  static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }

  /**
   * Returns why {@code type} cannot be bound from JSON, or null when it can. Records and POJOs
   * are checked field by field.
   */
  static String unsupported(Type type) {
    return unsupported(type, new HashSet<>());
  }

  private static String unsupported(Type type, Set<Type> seen) {
    if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
      return "type " + type.getTypeName() + " is generic; use a concrete type";
    }
    Class<?> raw = raw(type);
    if (raw.isPrimitive() || SCALARS.contains(raw) || raw.isEnum()) {
      return raw == void.class ? "void is not a value type" : null;
    }
    if (raw == byte[].class) {
      return null; // base64 text
    }
    if (raw.isArray()) {
      Type component =
          type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
      return unsupported(component, seen);
    }
    if (raw == Optional.class) {
      return "Optional is only supported as a parameter type, not nested";
    }
    if (Collection.class.isAssignableFrom(raw)) {
      if (!(type instanceof ParameterizedType)) {
        return "raw " + raw.getSimpleName() + "; declare its element type";
      }
      if (!(raw == List.class || raw == Set.class || raw == Collection.class)) {
        return raw.getSimpleName() + " is not supported; use List<T> or Set<T>";
      }
      return unsupported(typeArgument(type, 0), seen);
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!(type instanceof ParameterizedType)) {
        return "raw Map; declare Map<String, T>";
      }
      if (typeArgument(type, 0) != String.class) {
        return "Map keys must be String, was " + typeArgument(type, 0).getTypeName();
      }
      if (raw != Map.class) {
        return raw.getSimpleName() + " is not supported; use Map<String, T>";
      }
      Type value = typeArgument(type, 1);
      return value == Object.class ? null : unsupported(value, seen);
    }
    if (raw == Object.class) {
      return "Object carries no schema; use a concrete type";
    }
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return raw.getName() + " is abstract; use a concrete record or class";
    }
    if (raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
      return raw.getName() + " is not supported as JSON";
    }
    if (!seen.add(type)) {
      return null;
    }
    if (raw.isRecord()) {
      for (RecordComponent component : raw.getRecordComponents()) {
        String why = unsupported(component.getGenericType(), seen);
        if (why != null) {
          return raw.getSimpleName() + "." + component.getName() + ": " + why;
        }
      }
      return null;
    }
    try {
      raw.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      return raw.getName() + " needs a no-arg constructor (or make it a record)";
    }
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int mods = field.getModifiers();
        if (Modifier.isStatic(mods) || Modifier.isTransient(mods) || field.isSynthetic()) {
          continue;
        }
        String why = unsupported(field.getGenericType(), seen);
        if (why != null) {
          return raw.getSimpleName() + "." + field.getName() + ": " + why;
        }
      }
    }
    return null;
  }

  /** Whether the type serializes as a JSON object (records, POJOs, maps). */
  static boolean isObject(Type type) {
    Class<?> raw = raw(type);
    if (raw.isPrimitive() || SCALARS.contains(raw) || raw.isEnum() || raw.isArray()) {
      return false; // byte[] included: base64 text
    }
    return !Collection.class.isAssignableFrom(raw) && raw != Optional.class;
  }

  /** How a value of this type is named in an error: "integer", "one of [A, B]", ... */
  static String describe(Class<?> raw) {
    if (raw == null) {
      return "a value";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
        || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
        || raw == BigInteger.class) {
      return "integer";
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
        || raw == BigDecimal.class) {
      return "number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "boolean";
    }
    if (raw == String.class || raw == char.class || raw == Character.class) {
      return "string";
    }
    if (raw == UUID.class) {
      return "string (format uuid)";
    }
    if (raw == URI.class) {
      return "string (format uri)";
    }
    if (raw == LocalDate.class) {
      return "string (format date, e.g. 2026-01-31)";
    }
    if (raw == LocalTime.class) {
      return "string (format time, e.g. 13:45:00)";
    }
    if (raw == LocalDateTime.class) {
      return "string (local date-time, e.g. 2026-01-31T13:45:00)";
    }
    if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
      return "string (format date-time, e.g. 2026-01-31T13:45:00Z)";
    }
    if (raw == Duration.class) {
      return "string (format duration, e.g. PT15M)";
    }
    if (raw.isEnum()) {
      StringBuilder values = new StringBuilder("one of [");
      Object[] constants = raw.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        values.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
      }
      return values.append(']').toString();
    }
    if (raw == byte[].class) {
      return "string (base64)";
    }
    if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
      return "array";
    }
    return "object";
  }
}
