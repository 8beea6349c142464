package dev.gatehouse.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.test.AuthorizationFlow;
import dev.gatehouse.mcp.test.HttpProbe;
import dev.gatehouse.mcp.test.TestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the shaded jar starts and serves MCP on its own. */
class FatJarIT {

  private static final Path JAR = Path.of("target/todo-server.jar");

  @Test
  void serviceFilesOfJettySdkAndGatehouseSurviveShading() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      for (String service :
          List.of(
              "META-INF/services/dev.gatehouse.mcp.internal.Launcher",
              "META-INF/services/io.modelcontextprotocol.json.McpJsonMapperSupplier",
              "META-INF/services/io.modelcontextprotocol.json.schema.JsonSchemaValidatorSupplier",
              "META-INF/services/org.eclipse.jetty.http.HttpFieldPreEncoder")) {
        assertNotNull(jar.getEntry(service), service);
      }
      assertEquals(
          TodoServer.class.getName(), jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
  }

  @Test
  void theJarStartsWithItsOwnAuthorizationServerAndServesAnAuthorizedClient(@TempDir Path data) throws Exception {
    assertTrue(Files.exists(JAR), "build the jar first (mvn package)");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AuthorizationFlow flow;
    AuthorizationFlow.Tokens tokens;
    Started first = start(port, data);
    try {
      assertEquals(401, HttpProbe.of(first.url()).initialize().status(), "no token, no access");
      flow = AuthorizationFlow.discover(first.url()).register("fat jar test");
      tokens = flow.login(first.username(), first.password(), "todo:read", "todo:write");
      try (TestClient client = connect(first.url(), tokens.accessToken())) {
        assertEquals(List.of("addTodo", "completeTodo", "deleteTodo", "listTodos"), client.toolNames());
        ToolResult added = client.callTool("addTodo", Map.of("title", "ship it"));
        assertFalse(added.isError());
      }
    } finally {
      first.stop();
    }
    assertTrue(Files.exists(data.resolve("signing-keys.json")), "keys live in GATEHOUSE_DATA_DIR");

    Started second = start(port, data);
    try {
      AuthorizationFlow.Tokens refreshed = flow.refresh(tokens.refreshToken().orElseThrow());
      try (TestClient client = connect(second.url(), refreshed.accessToken())) {
        assertFalse(client.callTool("listTodos", Map.of()).isError(), "refresh tokens survive a restart");
      }
    } finally {
      second.stop();
    }
  }

  private static TestClient connect(URI url, String token) {
    return TestClient.builder(url).header("Authorization", "Bearer " + token).connect();
  }

  private record Started(Process process, URI url, String username, String password) {
    void stop() throws InterruptedException {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }

  private static Started start(int port, Path data) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("GATEHOUSE_DATA_DIR", data.toString());
    Process process = builder.start();
    Map<String, String> banner = awaitBanner(process);
    return new Started(process, URI.create(banner.get("MCP endpoint")), banner.get("Sign in as"), banner.get("Password"));
  }

  private static Map<String, String> awaitBanner(Process process) throws Exception {
    Pattern line = Pattern.compile("^\\s+(MCP endpoint|Sign in as|Password):\\s+(\\S+)");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    Map<String, String> banner = new java.util.HashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String text;
    while (System.nanoTime() < deadline && (text = out.readLine()) != null) {
      seen.append(text).append('\n');
      Matcher m = line.matcher(text);
      if (m.find()) {
        banner.put(m.group(1), m.group(2));
      }
      if (banner.size() == 3) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return banner;
      }
    }
    throw new AssertionError("no complete banner in the output:\n" + seen);
  }
}
