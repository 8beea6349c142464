package dev.gatehouse.bench.jmh;

import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.internal.Catalog;
import dev.gatehouse.mcp.internal.ToolEntry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up cost of describing one {@code @Tool} method: generating its input and output JSON
 * Schemas (2020-12, victools) with Gatehouse's package-private {@code Schemas}, and building the
 * whole tool entry.
 *
 * <ul>
 *   <li>{@code method=simple}: {@code int add(int a, int b)} (output wrapped as
 *       {@code {"result": integer}}).
 *   <li>{@code method=nested}: {@code Receipt placeOrder(Order order, List<Address> shipTo,
 *       Optional<Priority> rush)}: records inside records, lists, a set, a map, enums,
 *       {@code BigDecimal}, {@code LocalDate} and {@code Instant}, with shared {@code $defs}.
 * </ul>
 *
 * <p>Measurements:
 *
 * <ul>
 *   <li>{@code inputSchema}: what {@code Declarations.readTool} does for the input schema — a new
 *       {@code Schemas}, {@code schemaOf} for each argument's type, then {@code objectSchema(...)}
 *       (which copies the nodes into maps). The argument list (names, types, required flags) is
 *       read once in setup with the package-private {@code Parameters.read}; {@code Schemas} is
 *       reached through method handles (see {@link Internals}).
 *   <li>{@code outputSchema}: the package-private {@code ResultShape.of(returnType, ...)}, which
 *       picks the result shape and generates the output schema.
 *   <li>{@code toolEntry}: the public {@link Catalog#build(List, List, List)} over an object with
 *       just this tool: annotations, parameter checks, both schemas, the descriptor and the
 *       invoker's method handle; i.e. all the per-tool start-up work.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SchemaGeneration {

  private static final Class<?> SCHEMAS = Internals.type("Schemas");
  private static final MethodHandle NEW_SCHEMAS =
      Internals.constructor(SCHEMAS).asType(MethodType.methodType(Object.class));
  private static final MethodHandle SCHEMA_OF =
      Internals.method(SCHEMAS, "schemaOf", Type.class)
          .asType(MethodType.methodType(Object.class, Object.class, Type.class));
  private static final MethodHandle OBJECT_SCHEMA =
      Internals.method(SCHEMAS, "objectSchema", Map.class, List.class, Map.class)
          .asType(MethodType.methodType(Map.class, Object.class, Map.class, List.class, Map.class));
  private static final Class<?> RESULT_SHAPE = Internals.type("ResultShape");
  private static final MethodHandle RESULT_SHAPE_OF =
      Internals.method(RESULT_SHAPE, "of", Type.class, String.class, List.class)
          .asType(MethodType.methodType(Object.class, Type.class, String.class, List.class));
  private static final MethodHandle OUTPUT_SCHEMA =
      Internals.method(RESULT_SHAPE, "outputSchema")
          .asType(MethodType.methodType(Map.class, Object.class));

  // ---- the simple tool

  /** One tool with two int parameters. */
  public static final class SimpleTools {
    @Tool(description = "Adds two numbers.")
    public int add(
        @dev.gatehouse.mcp.Param(name = "a", description = "first") int a,
        @dev.gatehouse.mcp.Param(name = "b", description = "second") int b) {
      return a + b;
    }
  }

  // ---- the nested tool

  public enum Priority { LOW, NORMAL, HIGH, URGENT }

  public enum Status { ACCEPTED, PARTIAL, REJECTED }

  public record Address(String street, String city, String postcode, String country) {}

  public record Contact(String name, String email, Address address) {}

  public record LineItem(String sku, int quantity, BigDecimal price, Set<String> labels) {}

  public record Order(
      String id,
      Contact customer,
      List<LineItem> items,
      Priority priority,
      LocalDate due,
      Map<String, String> notes) {}

  public record Problem(String sku, String reason) {}

  public record Receipt(
      String orderId, Status status, List<LineItem> accepted, List<Problem> problems, Instant at) {}

  /** One tool with nested records, lists, enums and an Optional. */
  public static final class NestedTools {
    @Tool(description = "Places an order.")
    public Receipt placeOrder(
        @dev.gatehouse.mcp.Param(name = "order", description = "the order") Order order,
        @dev.gatehouse.mcp.Param(name = "shipTo", description = "where to ship") List<Address> shipTo,
        @dev.gatehouse.mcp.Param(name = "rush", description = "rush priority") Optional<Priority> rush) {
      return new Receipt(order.id(), Status.ACCEPTED, order.items(), List.of(), Instant.now());
    }
  }

  @Param({"simple", "nested"})
  public String method;

  private Object tools;
  private Type returnType;
  private String where;
  private final List<String> names = new ArrayList<>();
  private final List<Type> types = new ArrayList<>();
  private final List<String> required = new ArrayList<>();
  private final Map<String, String> descriptions = new LinkedHashMap<>();

  @Setup
  public void setup() throws Throwable {
    Method m;
    if (method.equals("simple")) {
      tools = new SimpleTools();
      m = SimpleTools.class.getMethod("add", int.class, int.class);
    } else if (method.equals("nested")) {
      tools = new NestedTools();
      m = NestedTools.class.getMethod("placeOrder", Order.class, List.class, Optional.class);
    } else {
      throw new IllegalArgumentException("method must be simple or nested: " + method);
    }
    returnType = m.getGenericReturnType();
    where = m.getDeclaringClass().getName() + "." + m.getName();
    List<String> problems = new ArrayList<>();
    MethodHandle read =
        Internals.method(
            Internals.type("Parameters"), "read", Method.class, String.class, boolean.class, List.class);
    List<?> bindings = (List<?>) read.invoke(m, where, false, problems);
    if (bindings == null || !problems.isEmpty()) {
      throw new IllegalStateException("parameter problems: " + problems);
    }
    Class<?> argument = Internals.type("ParamBinding$Argument");
    MethodHandle name = Internals.method(argument, "name");
    MethodHandle valueType = Internals.method(argument, "valueType");
    MethodHandle isRequired = Internals.method(argument, "required");
    MethodHandle description = Internals.method(argument, "description");
    for (Object binding : bindings) {
      if (argument.isInstance(binding)) {
        String n = (String) name.invoke(binding);
        names.add(n);
        types.add((Type) valueType.invoke(binding));
        if ((boolean) isRequired.invoke(binding)) {
          required.add(n);
        }
        descriptions.put(n, (String) description.invoke(binding));
      }
    }

    // the schemas must be exactly the ones the catalog publishes
    ToolEntry entry = toolEntry();
    if (!entry.descriptor().inputSchema().equals(inputSchema())) {
      throw new IllegalStateException(
          "input schema differs from the catalog's:\n" + inputSchema() + "\n" + entry.descriptor().inputSchema());
    }
    if (!entry.descriptor().outputSchema().equals(outputSchema())) {
      throw new IllegalStateException("output schema differs from the catalog's");
    }
  }

  @Benchmark
  public Map<String, Object> inputSchema() throws Throwable {
    Object schemas = (Object) NEW_SCHEMAS.invokeExact();
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      properties.put(names.get(i), (Object) SCHEMA_OF.invokeExact(schemas, types.get(i)));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> schema =
        (Map<String, Object>) (Map<?, ?>) OBJECT_SCHEMA.invokeExact(schemas, (Map) properties, (List) required, (Map) descriptions);
    return schema;
  }

  @Benchmark
  public Map<?, ?> outputSchema() throws Throwable {
    Object shape = (Object) RESULT_SHAPE_OF.invokeExact(returnType, where, (List) new ArrayList<String>());
    return (Map<?, ?>) OUTPUT_SCHEMA.invokeExact(shape);
  }

  @Benchmark
  public ToolEntry toolEntry() {
    List<String> problems = new ArrayList<>();
    Catalog catalog = Catalog.build(List.of(tools), List.of(), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("catalog problems: " + problems);
    }
    return catalog.tools().get(0);
  }
}
