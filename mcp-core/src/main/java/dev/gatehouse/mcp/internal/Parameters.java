package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.ToolContext;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a method's parameters into bindings: arguments, the context, the caller. */
final class Parameters {

  private Parameters() {}

  /** The parameter bindings, or null when a parameter is unusable (problems recorded). */
  static List<ParamBinding> read(
      Method method, String where, boolean fromStrings, List<String> problems) {
    List<ParamBinding> bindings = new ArrayList<>();
    boolean ok = true;
    List<String> names = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      Class<?> type = parameter.getType();
      if (type == ToolContext.class) {
        bindings.add(new ParamBinding.Context());
        continue;
      }
      if (type == Caller.class) {
        bindings.add(new ParamBinding.CallerParam());
        continue;
      }
      Param param = parameter.getAnnotation(Param.class);
      String name = param != null && !param.name().isEmpty() ? param.name() : parameter.getName();
      if (param == null || param.name().isEmpty()) {
        if (!parameter.isNamePresent()) {
          problems.add(
              where + ": parameter names are missing; compile with -parameters or name it with"
                  + " @Param(name = \"...\")");
          return null;
        }
      }
      if (names.contains(name)) {
        problems.add(where + ": two parameters are named '" + name + "'");
        ok = false;
        continue;
      }
      names.add(name);
      Type valueType = parameter.getParameterizedType();
      boolean optional = type == Optional.class;
      if (optional) {
        valueType = TypeSupport.typeArgument(valueType, 0);
      }
      String why = TypeSupport.unsupported(valueType);
      if (why == null && fromStrings && !isScalar(valueType)) {
        why = "this argument arrives as a string; use String, a number, a boolean or an enum";
      }
      if (why != null) {
        problems.add(where + ": parameter '" + name + "': " + why);
        ok = false;
        continue;
      }
      boolean required = !optional && (param == null || param.required());
      bindings.add(
          new ParamBinding.Argument(
              name,
              valueType,
              Json.STRICT.getTypeFactory().constructType(valueType),
              optional,
              required,
              param == null ? "" : param.description()));
    }
    return ok ? bindings : null;
  }

  private static boolean isScalar(Type type) {
    return !TypeSupport.isObject(type) && !TypeSupport.describe(TypeSupport.raw(type)).equals("array");
  }

  static List<String> argumentNames(List<ParamBinding> bindings) {
    return bindings.stream()
        .filter(ParamBinding.Argument.class::isInstance)
        .map(b -> ((ParamBinding.Argument) b).name())
        .toList();
  }

}
