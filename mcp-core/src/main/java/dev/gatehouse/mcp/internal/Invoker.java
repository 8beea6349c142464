package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Calls one annotated method: binds its parameters, then invokes a prepared method handle. */
final class Invoker {

  private final MethodHandle handle;
  private final List<ParamBinding> bindings;
  private final String where;

  Invoker(Object instance, Method method, List<ParamBinding> bindings) {
    this.bindings = List.copyOf(bindings);
    this.where = method.getDeclaringClass().getName() + "." + method.getName();
    try {
      method.setAccessible(true);
      MethodHandle h = MethodHandles.lookup().unreflect(method).bindTo(instance);
      this.handle = h.asType(h.type().generic()).asSpreader(Object[].class, bindings.size());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot access " + where, e);
    }
  }

  List<ParamBinding> bindings() {
    return bindings;
  }

  String where() {
    return where;
  }

  /** Binds every parameter (throwing {@link ArgumentException}), then calls the method. */
  Object invoke(Map<String, Object> arguments, ToolContext context, JsonMapper mapper)
      throws Throwable {
    Object[] values = new Object[bindings.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bindings.get(i).bind(arguments, context, mapper);
    }
    return (Object) handle.invokeExact(values);
  }
}
