package dev.gatehouse.mcp;

import dev.gatehouse.mcp.internal.Assembly;
import dev.gatehouse.mcp.internal.ServerSpec;
import dev.gatehouse.mcp.internal.Settings;
import dev.gatehouse.mcp.internal.TrainingRun;
import dev.gatehouse.mcp.spi.Authenticator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A running MCP server. Build one with {@link #builder(String, String)}; {@link Builder#start()}
 * scans and validates every declaration, binds the port and returns once the server is serving.
 *
 * <pre>{@code
 * try (McpServer server = McpServer.builder("todo", "1.0.0")
 *         .scan("com.example.todo")
 *         .http(http -> http.port(8080))
 *         .start()) {
 *   System.out.println("MCP endpoint: " + server.url());
 *   server.awaitShutdown();
 * }
 * }</pre>
 */
public interface McpServer extends AutoCloseable {

  /** Starts describing a server with the name and version it reports to clients. */
  static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  /** The bound port (the real one when {@code port(0)} was asked for). */
  int port();

  /** The MCP endpoint, e.g. {@code http://127.0.0.1:8080/mcp}. */
  URI url();

  /**
   * Tells every session subscribed to {@code uri} that the resource changed
   * ({@code notifications/resources/updated}). A no-op in stateless mode.
   */
  void notifyResourceUpdated(String uri);

  /** Blocks until the server is closed, e.g. by a shutdown hook or another thread. */
  void awaitShutdown() throws InterruptedException;

  /**
   * Stops accepting requests, lets in-flight calls finish (up to the shutdown timeout), then
   * releases the port. Safe to call more than once.
   */
  @Override
  void close();

  /** Describes a server; nothing is scanned or bound until {@link #start()}. */
  final class Builder {
    private final String name;
    private final String version;
    private String title;
    private String instructions;
    private final List<Object> instances = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();
    private final List<ToolDefinition> definitions = new ArrayList<>();
    private InstanceFactory instanceFactory;
    private final HttpOptions http = new HttpOptions();
    private Duration clientRequestTimeout = Duration.ofMinutes(5);
    private Authenticator authenticator;
    private final AuthOptions authOptions = new AuthOptions();

    private Builder(String name, String version) {
      this.name = Objects.requireNonNull(name, "name");
      this.version = Objects.requireNonNull(version, "version");
    }

    /** A human-readable title shown by clients. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Instructions sent to clients at initialization, e.g. hints for the model. */
    public Builder instructions(String instructions) {
      this.instructions = Objects.requireNonNull(instructions, "instructions");
      return this;
    }

    /** Objects whose {@link Tool}, {@link Resource}, {@link Prompt} methods are served. */
    public Builder tools(Object... instances) {
      for (Object instance : instances) {
        this.instances.add(Objects.requireNonNull(instance, "instance"));
      }
      return this;
    }

    /**
     * Packages (with sub-packages) to scan for classes with annotated methods. Each class found
     * is instantiated once, with its no-arg constructor or the {@link #instanceFactory}.
     */
    public Builder scan(String... packages) {
      this.packages.addAll(List.of(packages));
      return this;
    }

    /** Supplies the instances of scanned classes (for Guice, Spring, Dagger and the like). */
    public Builder instanceFactory(InstanceFactory instanceFactory) {
      this.instanceFactory = Objects.requireNonNull(instanceFactory, "instanceFactory");
      return this;
    }

    /** A tool built at run time. */
    public Builder tool(ToolDefinition definition) {
      definitions.add(Objects.requireNonNull(definition, "definition"));
      return this;
    }

    /**
     * Requires a valid bearer token on every MCP request and enforces each tool's
     * {@link Tool#scope()}: 401 with a challenge without a (valid) token, 403
     * {@code insufficient_scope} without the scopes, lists filtered to what the caller may use.
     * {@code JwtAuth} from {@code mcp-auth} is the usual choice.
     */
    public Builder auth(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** As {@link #auth(Authenticator)}, with the metadata and list filtering adjusted. */
    public Builder auth(Authenticator authenticator, Consumer<AuthOptions> options) {
      auth(authenticator);
      options.accept(authOptions);
      return this;
    }

    /** HTTP settings: port, path, origins, TLS, limits, stateless mode. */
    public Builder http(Consumer<HttpOptions> options) {
      options.accept(http);
      return this;
    }

    /**
     * How long a request to the client (elicitation, sampling) may wait for its answer. Five
     * minutes by default, since a person may be answering.
     */
    public Builder clientRequestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("clientRequestTimeout must be positive");
      }
      this.clientRequestTimeout = timeout;
      return this;
    }

    /**
     * Scans, validates every declaration, builds the schemas and starts serving.
     *
     * <p>With {@code GATEHOUSE_TRAINING_RUN=true} it does not return: the server serves itself a
     * client's first requests on an ephemeral loopback port, without running a tool, and the
     * process exits, so the JVM can write a class archive (see docs/transport.md, Start-up time).
     *
     * @throws McpException listing every problem found, before any port is bound
     */
    public McpServer start() {
      List<String> problems = new ArrayList<>();
      Settings settings = Settings.fromSystem();
      settings.applyHttp(http, problems);
      problems.addAll(http.problems());
      problems.addAll(authOptions.problems());
      Authenticator auth =
          problems.isEmpty() ? settings.authenticator(http, problems).orElse(authenticator) : authenticator;
      boolean training = TrainingRun.requested(settings, problems);
      if (training && problems.isEmpty()) {
        TrainingRun.prepare(http);
      }
      ServerSpec spec =
          new ServerSpec(
              name,
              version,
              title,
              instructions,
              instances,
              packages,
              instanceFactory,
              definitions,
              http,
              clientRequestTimeout,
              auth,
              authOptions);
      McpServer server = Assembly.start(spec, problems);
      if (training) {
        TrainingRun.finish(server);
      }
      return server;
    }
  }
}
