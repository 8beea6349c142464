package dev.gatehouse.bench.jmh;

import dev.gatehouse.mcp.InstanceFactory;
import dev.gatehouse.mcp.internal.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up time of {@code McpServer.builder(...).scan(pkg)} for a package holding {@code size}
 * (10, 100, 1,000) classes with one {@code @Tool} method each.
 *
 * <p>The tool classes are real classes, but not in the repository: at trial setup they are
 * generated as Java sources and compiled with the JDK's {@link JavaCompiler} (so the benchmark
 * must run on a JDK, which JMH does anyway) into a temporary directory, package
 * {@code gatehouse.benchgen.n<size>}. Each operation then loads them through a fresh
 * {@link URLClassLoader} over that directory, so class loading is paid every time, as at a real
 * start-up.
 *
 * <p>Gatehouse's {@code Scanner} (package-private, reached with a method handle, see
 * {@link Internals}) takes no ClassLoader: ClassGraph finds class path roots through the
 * loaders it knows, among them the thread's context class loader. The benchmark therefore sets
 * the fresh loader as the context class loader around the call; the scan spec, class loading
 * ({@code ClassInfo.loadClass()}) and no-arg instantiation are then exactly Gatehouse's. Note that
 * ClassGraph also walks every other class path root, here the shaded benchmark jar (as it would
 * walk an application's fat jar), looking for the accepted package.
 *
 * <ul>
 *   <li>{@code scan}: {@code Scanner.scan(List.of(pkg), null, problems)}: the ClassGraph scan,
 *       loading and instantiating every tool class.
 *   <li>{@code scanAndCatalog}: the same plus the public {@link Catalog#build(List, List, List)},
 *       i.e. everything {@code Assembly.start} does before handing the catalog to the transport
 *       (parameter checks, schemas, descriptors, method handles for {@code size} tools).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassGraphScan {

  /** {@code Scanner.scan(List<String>, InstanceFactory, List<String>)}: List. */
  private static final MethodHandle SCAN =
      Internals.method(
              Internals.type("Scanner"), "scan", List.class, InstanceFactory.class, List.class)
          .asType(
              MethodType.methodType(List.class, List.class, InstanceFactory.class, List.class));

  @Param({"10", "100", "1000"})
  public int size;

  private Path classes;
  private URL[] urls;
  private List<String> packages;

  @Setup
  public void setup() throws Throwable {
    String pkg = "gatehouse.benchgen.n" + size;
    packages = List.of(pkg);
    classes = Files.createTempDirectory("gatehouse-bench-scan-");
    compile(pkg, size, classes);
    urls = new URL[] {classes.toUri().toURL()};

    List<String> problems = new ArrayList<>();
    List<Object> instances = scanWith(problems);
    Catalog catalog = Catalog.build(instances, List.of(), problems);
    if (!problems.isEmpty() || instances.size() != size || catalog.tools().size() != size) {
      throw new IllegalStateException(
          "expected " + size + " tools, found " + instances.size() + " instances and "
              + catalog.tools().size() + " tools; problems: " + problems);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (classes != null) {
      try (Stream<Path> files = Files.walk(classes)) {
        files.sorted(Comparator.reverseOrder()).forEach(ClassGraphScan::delete);
      }
    }
  }

  @Benchmark
  public List<Object> scan() throws Throwable {
    List<String> problems = new ArrayList<>();
    List<Object> instances = scanWith(problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.toString());
    }
    return instances;
  }

  @Benchmark
  public Catalog scanAndCatalog() throws Throwable {
    List<String> problems = new ArrayList<>();
    Catalog catalog = Catalog.build(scanWith(problems), List.of(), problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(problems.toString());
    }
    return catalog;
  }

  /** Runs Gatehouse's scanner with a fresh loader over the generated classes as context loader. */
  private List<Object> scanWith(List<String> problems) throws Throwable {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls, ClassGraphScan.class.getClassLoader())) {
      thread.setContextClassLoader(loader);
      return (List<Object>) SCAN.invokeExact(packages, (InstanceFactory) null, problems);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Generates and compiles {@code count} tool classes into {@code out}. */
  static void compile(String pkg, int count, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = String.format(Locale.ROOT, "Tools%04d", i);
      sources.add(new Source(pkg + "." + name, source(pkg, name, i)));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "-d", out.toString(),
            "-classpath", System.getProperty("java.class.path"),
            "-parameters",
            "-proc:none", // the JMH annotation processor is on the class path too
            "--release", "17",
            "-nowarn");
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      if (!javac.getTask(null, files, diagnostics, options, null, sources).call()) {
        throw new IllegalStateException("generated tools do not compile: " + diagnostics.getDiagnostics());
      }
    }
  }

  /** One tool class: a {@code @Tool} method with two parameters, a helper, and some state. */
  static String source(String pkg, String name, int i) {
    return """
        package %1$s;

        import dev.gatehouse.mcp.Param;
        import dev.gatehouse.mcp.Tool;

        public class %2$s {
          private int calls;

          @Tool(description = "Looks up entry %3$d.", readOnly = true)
          public String lookup%3$04d(
              @Param(description = "the key") String key,
              @Param(description = "at most this many", required = false) Integer limit) {
            calls++;
            return key + "%3$d";
          }

          public int calls() {
            return calls;
          }
        }
        """.formatted(pkg, name, i);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An in-memory source file. */
  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
