package dev.gatehouse.bench.servers;

import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.authserver.Auth;
import dev.gatehouse.mcp.authserver.PasswordHash;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.test.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatehouse serving the benchmark's echo tool, as a user would write it.
 *
 * <pre>
 * java -cp bench.jar dev.gatehouse.bench.servers.GatehouseEchoServer PORT none|rs256|es256|embedded stateful|stateless
 * </pre>
 *
 * <p>Besides {@code echo} it serves {@code pause(millis)}, a tool that blocks like one waiting on
 * I/O. {@code -Dbench.threads=platform} turns virtual threads off (they are on from Java 21).
 *
 * With authentication it prints {@code TOKEN <access token>} (scope {@code echo}) before
 * {@code READY <url>}: minted by a test issuer in this process (rs256, es256; verified through
 * discovery and JWKS over loopback like any issuer), or obtained from the embedded authorization
 * server's token endpoint with client credentials (embedded).
 */
public final class GatehouseEchoServer {

  /** The benchmark's tool. */
  public static final class Echo {
    @Tool(description = "Echoes the text", scope = "echo")
    public String echo(@Param(description = "Text to echo") String text) {
      return text;
    }

    @Tool(description = "Waits, as a tool blocked on I/O does, then answers", scope = "echo")
    public String pause(@Param(description = "How long to wait, in milliseconds") int millis)
        throws InterruptedException {
      Thread.sleep(millis);
      return "paused";
    }
  }

  private GatehouseEchoServer() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int port = Integer.parseInt(args[0]);
    String auth = args.length > 1 ? args[1] : "none";
    boolean stateless = args.length > 2 && args[2].equals("stateless");
    String resource = "http://127.0.0.1:" + port + "/mcp";
    McpServer.Builder builder =
        McpServer.builder("gatehouse-echo", "1.0")
            .tools(new Echo())
            .http(http -> http.host("127.0.0.1").port(port).stateless(stateless)
                .virtualThreads(!"platform".equals(System.getProperty("bench.threads"))));
    String token = null;
    switch (auth) {
      case "none" -> { }
      case "rs256", "es256" -> {
        TestTokens tokens = TestTokens.start();
        TestTokens.Token minted = tokens.token(resource).scopes("echo").expiresIn(Duration.ofHours(2));
        token = (auth.equals("es256") ? minted.es256() : minted).sign();
        builder.auth(tokens.auth(resource).build());
      }
      case "embedded" -> builder.auth(embedded());
      default -> throw new IllegalArgumentException("auth must be none, rs256, es256 or embedded: " + auth);
    }
    McpServer server = builder.start();
    String heapPort = System.getProperty("bench.heapPort");
    if (heapPort != null) {
      heapProbe(Integer.parseInt(heapPort));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    if (auth.equals("embedded")) {
      token = clientCredentials(URI.create("http://127.0.0.1:" + port), resource);
    }
    if (token != null) {
      System.out.println("TOKEN " + token);
    }
    System.out.println("READY " + server.url());
    System.out.flush();
    server.awaitShutdown();
  }

  /**
   * {@code GET /heap} on a side port: the used heap in bytes after full collections (the
   * benchmark's heap-per-session measure; jcmd cannot always attach in containers).
   */
  private static void heapProbe(int port) throws java.io.IOException {
    com.sun.net.httpserver.HttpServer probe =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
    probe.createContext("/heap", exchange -> {
      java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      byte[] body = String.valueOf(memory.getHeapMemoryUsage().getUsed()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    probe.start();
  }

  private static Authenticator embedded() {
    return Auth.embedded(o -> o.inMemory()
        .accessTokenLifetime(Duration.ofMinutes(60))
        .serviceClient("bench", PasswordHash.create("bench-secret".toCharArray()), "echo"));
  }

  private static String clientCredentials(URI issuer, String resource) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(issuer.resolve("/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(
                "grant_type=client_credentials&client_id=bench&client_secret=bench-secret&scope=echo&resource=" + resource))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("no token from the embedded authorization server: " + response.body());
    }
    return m.group(1);
  }
}
