package dev.gatehouse.bench.jmh;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reflective access to package-private classes of {@code dev.gatehouse.mcp.internal}
 * ({@code Scanner}, {@code Schemas}, {@code ResultShape}, {@code MethodTool}'s invoker and
 * {@code ParamBinding}), resolved once into method handles so that the measured code pays no
 * reflection. This works because the benchmark jar runs everything on the class path (one unnamed
 * module); it breaks, loudly, when those internals are renamed.
 */
final class Internals {

  static final String PACKAGE = "dev.gatehouse.mcp.internal.";

  private Internals() {}

  static Class<?> type(String simpleName) {
    try {
      return Class.forName(PACKAGE + simpleName);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("internal class moved: " + simpleName, e);
    }
  }

  /** A handle on a (possibly package-private, possibly static) method. */
  static MethodHandle method(Class<?> owner, String name, Class<?>... parameters) {
    try {
      Method method = owner.getDeclaredMethod(name, parameters);
      method.setAccessible(true);
      return MethodHandles.lookup().unreflect(method);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("internal method moved: " + owner.getName() + "." + name, e);
    }
  }

  /** A handle on a (possibly package-private) constructor. */
  static MethodHandle constructor(Class<?> owner, Class<?>... parameters) {
    try {
      Constructor<?> constructor = owner.getDeclaredConstructor(parameters);
      constructor.setAccessible(true);
      return MethodHandles.lookup().unreflectConstructor(constructor);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("internal constructor moved: " + owner.getName(), e);
    }
  }

  /** Reads a private field once (setup only). */
  static Object field(Object target, String name) {
    try {
      Field field = target.getClass().getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "internal field moved: " + target.getClass().getName() + "." + name, e);
    }
  }
}
