package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.McpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A training run ({@code GATEHOUSE_TRAINING_RUN=true}): the server starts as configured, but on an
 * ephemeral loopback port and with nothing persisted, sends itself the requests a client's first
 * minute sends, and the process exits. Run under {@code -XX:ArchiveClassesAtExit} (AppCDS) or
 * {@code -XX:AOTCacheOutput} (JDK 25), it leaves an archive of everything a real start and first
 * call load, so later starts skip that work.
 *
 * <p>No tool runs: the one {@code tools/call} it sends leaves out a required argument, so the
 * call stops at argument checking. With authentication every MCP request is refused (the run has
 * no token); the refusal path, the resource metadata and a same-origin authorization server's
 * metadata are what it exercises then.
 */
public final class TrainingRun {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp");
  private static final String SETTING = "GATEHOUSE_TRAINING_RUN";
  private static final Pattern RESOURCE_METADATA = Pattern.compile("resource_metadata=\"([^\"]+)\"");

  private static volatile boolean active;

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  private final List<String> failures = new ArrayList<>();
  private int requests;
  private String session;

  private TrainingRun() {}

  /**
   * Whether this process is a training run. Components that would persist something (the embedded
   * authorization server's keys and database) keep it in memory instead: an archive is built
   * into an image, and keys must not be.
   */
  public static boolean active() {
    return active;
  }

  /** Whether the settings ask for a training run; a value other than true or false is a problem. */
  public static boolean requested(Settings settings, List<String> problems) {
    Optional<String> value = settings.get(SETTING);
    if (value.isEmpty()) {
      return false;
    }
    String v = value.get().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      problems.add(SETTING + " must be true or false, was '" + value.get() + "'");
      return false;
    }
    return v.equals("true");
  }

  /** Binds the run to an ephemeral loopback port, whatever was configured. */
  public static void prepare(HttpOptions http) {
    active = true;
    http.host("127.0.0.1").port(0);
    LOG.info("training run ({}): starting on an ephemeral loopback port, nothing is persisted", SETTING);
  }

  /** What a run did: requests answered, and the ones that failed (should be none). */
  public record Report(int requests, List<String> failures, long millis) {}

  /** Sends the run's requests to {@code server}; never throws, failures are reported. */
  public static Report exercise(McpServer server) {
    long start = System.nanoTime();
    TrainingRun run = new TrainingRun();
    run.exerciseAll(server.url());
    return new Report(run.requests, List.copyOf(run.failures), (System.nanoTime() - start) / 1_000_000);
  }

  /** Exercises {@code server}, closes it and ends the process: status 0, or 1 if a request failed. */
  public static void finish(McpServer server) {
    Report report = exercise(server);
    server.close();
    if (report.failures().isEmpty()) {
      LOG.info("training run: {} requests answered in {} ms; exiting", report.requests(), report.millis());
    } else {
      LOG.warn("training run: {} requests, {} failed: {}; exiting",
          report.requests(), report.failures().size(), report.failures());
    }
    System.exit(report.failures().isEmpty() ? 0 : 1);
  }

  private void exerciseAll(URI mcp) {
    URI root = mcp.resolve("/");
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\"}");  // invalid: the refusal path
    Optional<HttpResponse<String>> init =
        rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"gatehouse-training-run\",\"version\":\"1\"}}}");
    if (init.isEmpty()) {
      return;
    }
    if (init.get().statusCode() == 401) {
      authorizationMetadata(root, init.get());
      return;
    }
    session = init.get().headers().firstValue("Mcp-Session-Id").orElse(null);
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
    Optional<HttpResponse<String>> tools = rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}");
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/list\"}");
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/list\"}");
    rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/templates/list\"}");
    tools.flatMap(TrainingRun::toolWithRequiredArgument)
        .ifPresent(name -> rpc(mcp, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
            + Json.LENIENT.writeValueAsString(name) + ",\"arguments\":{}}}"));
    if (session != null) {
      send(mcpRequest(mcp).DELETE());
    }
  }

  /** The first listed tool with a required argument: calling it without arguments runs nothing. */
  static Optional<String> toolWithRequiredArgument(HttpResponse<String> list) {
    JsonNode tools = message(list).path("result").path("tools");
    for (JsonNode tool : tools) {
      JsonNode required = tool.path("inputSchema").path("required");
      if (required.isArray() && !required.isEmpty() && tool.path("name").isString()) {
        return Optional.of(tool.path("name").asString());
      }
    }
    return Optional.empty();
  }

  /** The resource metadata the challenge names, and the metadata of an authorization server on this origin. */
  private void authorizationMetadata(URI root, HttpResponse<String> challenge) {
    Matcher m = RESOURCE_METADATA.matcher(challenge.headers().firstValue("WWW-Authenticate").orElse(""));
    if (!m.find()) {
      return;
    }
    Optional<HttpResponse<String>> metadata = get(URI.create(m.group(1)));
    if (metadata.isEmpty()) {
      return;
    }
    for (JsonNode issuer : json(metadata.get().body()).path("authorization_servers")) {
      URI as = URI.create(issuer.asString());
      if (sameOrigin(as, root)) {
        String path = as.getRawPath() == null || as.getRawPath().equals("/") ? "" : as.getRawPath();
        get(root.resolve("/.well-known/oauth-authorization-server" + path))
            .map(r -> json(r.body()).path("jwks_uri").asString(""))
            .filter(jwks -> !jwks.isEmpty())
            .ifPresent(jwks -> get(URI.create(jwks)));
      }
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
  }

  private Optional<HttpResponse<String>> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private Optional<HttpResponse<String>> rpc(URI mcp, String body) {
    return send(
        mcpRequest(mcp)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A request to the MCP endpoint with the protocol version and, once there is one, the session. */
  private HttpRequest.Builder mcpRequest(URI mcp) {
    HttpRequest.Builder request = HttpRequest.newBuilder(mcp).header("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return request;
  }

  private Optional<HttpResponse<String>> send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
    requests++;
    try {
      HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        failures.add(built.method() + " " + built.uri().getPath() + ": " + response.statusCode());
      }
      return Optional.of(response);
    } catch (IOException e) {
      failures.add(built.method() + " " + built.uri().getPath() + ": " + e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add(built.method() + " " + built.uri().getPath() + ": interrupted");
      return Optional.empty();
    }
  }

  /** The JSON-RPC message in a response: its body, or its first SSE data line. */
  private static JsonNode message(HttpResponse<String> response) {
    String body = response.body();
    if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
      body = body.lines().filter(l -> l.startsWith("data:")).findFirst().map(l -> l.substring(5)).orElse("{}");
    }
    return json(body);
  }

  private static JsonNode json(String text) {
    try {
      return Json.LENIENT.readTree(text);
    } catch (RuntimeException e) {
      return Json.LENIENT.missingNode();
    }
  }
}
