package dev.gatehouse.bench.jmh;

import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.internal.Catalog;
import dev.gatehouse.mcp.internal.Json;
import dev.gatehouse.mcp.internal.ToolEntry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time for Gatehouse to bind a {@code tools/call}'s JSON arguments to a {@code @Tool} method's
 * Java parameters, on the code path a real call takes.
 *
 * <p>The tool entries are built exactly as at start-up, with the public
 * {@link Catalog#build(List, List, List)} over an instance of {@link Tools}. The arguments are the
 * {@code Map<String, Object>} the MCP SDK hands over ({@code CallToolRequest.arguments()}): JSON
 * text parsed once in setup into plain maps, lists, strings and numbers.
 *
 * <ul>
 *   <li>{@code arguments=simple}: {@code {"text":"hello"}} into {@code echo(String text)}.
 *   <li>{@code arguments=rich}: a record with four fields (one a list), a {@code List<String>},
 *       an {@code Optional<Integer>} and a {@code LocalDate} into {@code plan(...)}.
 * </ul>
 *
 * <p>Two measurements:
 *
 * <ul>
 *   <li>{@code call}: the public {@link ToolEntry#call(Map, ToolContext)}, i.e. everything Gatehouse
 *       does for {@code tools/call} after the SDK parsed the request and before it serializes the
 *       reply: unknown-argument check, binding every parameter (Jackson {@code convertValue} with
 *       the strict mapper), invoking the method through its method handle, and wrapping the
 *       returned String in a {@link ToolResult}. The tool methods themselves do next to nothing.
 *   <li>{@code bind}: only the binding loop of the package-private {@code Invoker} — each
 *       package-private {@code ParamBinding.bind(arguments, context, Json.STRICT)} — reached
 *       reflectively (see {@link Internals}) through the entry's {@code invoker} field and called
 *       through a method handle, so it shows how much of {@code call} is binding.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ArgumentBinding {

  /** {@code ParamBinding.bind(Map, ToolContext, JsonMapper)}, typed (Object, Map, ToolContext, JsonMapper)Object. */
  private static final MethodHandle BIND =
      Internals.method(
              Internals.type("ParamBinding"), "bind", Map.class, ToolContext.class, JsonMapper.class)
          .asType(
              MethodType.methodType(
                  Object.class, Object.class, Map.class, ToolContext.class, JsonMapper.class));

  /** A stay as the rich tool receives it. */
  public record Trip(String destination, int nights, boolean refundable, List<String> travellers) {}

  /** The tools whose arguments are bound. */
  public static final class Tools {

    @Tool(description = "Echoes the text back.")
    public String echo(@dev.gatehouse.mcp.Param(name = "text", description = "what to echo") String text) {
      return text;
    }

    @Tool(description = "Plans a trip.")
    public String plan(
        @dev.gatehouse.mcp.Param(name = "trip", description = "the stay") Trip trip,
        @dev.gatehouse.mcp.Param(name = "tags", description = "interests") List<String> tags,
        @dev.gatehouse.mcp.Param(name = "limit", description = "how many ideas") Optional<Integer> limit,
        @dev.gatehouse.mcp.Param(name = "start", description = "first day") LocalDate start) {
      return trip.destination();
    }
  }

  static final String SIMPLE = "{\"text\":\"hello\"}";

  static final String RICH =
      "{\"trip\":{\"destination\":\"Lisbon\",\"nights\":3,\"refundable\":true,"
          + "\"travellers\":[\"ana\",\"ben\"]},"
          + "\"tags\":[\"beach\",\"food\",\"museums\"],"
          + "\"limit\":5,"
          + "\"start\":\"2026-05-01\"}";

  @Param({"simple", "rich"})
  public String arguments;

  private ToolEntry tool;
  private Map<String, Object> args;
  private Object[] bindings;
  private ToolContext context; // null: none of the bound parameters reads it

  @Setup
  public void setup() throws Throwable {
    List<String> problems = new ArrayList<>();
    Catalog catalog = Catalog.build(List.of(new Tools()), List.of(), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("catalog problems: " + problems);
    }
    String name;
    String json;
    String expected;
    if (arguments.equals("simple")) {
      name = "echo";
      json = SIMPLE;
      expected = "hello";
    } else if (arguments.equals("rich")) {
      name = "plan";
      json = RICH;
      expected = "Lisbon";
    } else {
      throw new IllegalArgumentException("arguments must be simple or rich: " + arguments);
    }
    tool = catalog.tool(name).orElseThrow();
    // the SDK's Jackson turns the request's "arguments" object into plain maps and lists
    args = Json.LENIENT.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    Object invoker = Internals.field(tool, "invoker");
    bindings = ((List<?>) Internals.field(invoker, "bindings")).toArray();

    ToolResult result = call();
    if (result.isError() || !result.toString().contains(expected)) {
      throw new IllegalStateException("unexpected result " + result);
    }
    Object[] bound = bind();
    if (arguments.equals("rich")
        && !(bound[0] instanceof Trip t && t.travellers().size() == 2
            && bound[2].equals(Optional.of(5))
            && bound[3].equals(LocalDate.of(2026, 5, 1)))) {
      throw new IllegalStateException("unexpected binding " + List.of(bound));
    }
  }

  @Benchmark
  public ToolResult call() {
    return tool.call(args, context);
  }

  @Benchmark
  public Object[] bind() throws Throwable {
    Object[] values = new Object[bindings.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Object) BIND.invokeExact(bindings[i], args, context, Json.STRICT);
    }
    return values;
  }
}
