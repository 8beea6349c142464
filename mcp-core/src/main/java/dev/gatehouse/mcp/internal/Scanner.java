package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.InstanceFactory;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.Tool;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Finds classes with annotated methods in the given packages and instantiates each once. */
final class Scanner {

  private static final List<String> ANNOTATIONS =
      List.of(
          Tool.class.getName(),
          Resource.class.getName(),
          Prompt.class.getName(),
          Completion.class.getName());

  private Scanner() {}

  static List<Object> scan(List<String> packages, InstanceFactory factory, List<String> problems) {
    if (packages.isEmpty()) {
      return List.of();
    }
    List<Object> instances = new ArrayList<>();
    try (ScanResult result =
        new ClassGraph()
            .enableClassInfo()
            .enableMethodInfo()
            .enableAnnotationInfo()
            .ignoreMethodVisibility()
            .acceptPackages(packages.toArray(String[]::new))
            .scan()) {
      List<ClassInfo> classes = new ArrayList<>();
      for (String annotation : ANNOTATIONS) {
        for (ClassInfo info : result.getClassesWithMethodAnnotation(annotation)) {
          if (!classes.contains(info)) {
            classes.add(info);
          }
        }
      }
      if (classes.isEmpty()) {
        problems.add("scan(" + packages + ") found no class with @Tool, @Resource or @Prompt methods");
      }
      classes.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (ClassInfo info : classes) {
        if (info.isAbstract() || info.isInterface()) {
          continue;
        }
        Object instance = instantiate(info.loadClass(), factory, problems);
        if (instance != null) {
          instances.add(instance);
        }
      }
    }
    return instances;
  }

  private static Object instantiate(Class<?> type, InstanceFactory factory, List<String> problems) {
    try {
      if (factory != null) {
        Object instance = factory.create(type);
        if (instance == null || !type.isInstance(instance)) {
          problems.add(type.getName() + ": the instanceFactory returned " + instance);
          return null;
        }
        return instance;
      }
      if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        problems.add(type.getName() + ": an inner class cannot be scanned; make it static");
        return null;
      }
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (NoSuchMethodException e) {
      problems.add(
          type.getName()
              + ": no no-arg constructor; add one, register an instance with tools(...),"
              + " or supply an instanceFactory");
    } catch (InvocationTargetException e) {
      problems.add(type.getName() + ": constructor failed: " + e.getCause());
    } catch (Exception e) {
      problems.add(type.getName() + ": cannot be instantiated: " + e);
    }
    return null;
  }
}
