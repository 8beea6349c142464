package dev.gatehouse.examples.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.test.TestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
  void theJarStartsAndAnswersInitializeListAndCall() throws Exception {
    assertTrue(Files.exists(JAR), "build the jar first (mvn package)");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString()).redirectErrorStream(true);
    builder.environment().put("PORT", "0");
    Process process = builder.start();
    try {
      URI url = awaitUrl(process);
      try (TestClient client = TestClient.connect(url)) {
        assertEquals(List.of("addTodo", "completeTodo", "deleteTodo", "listTodos"), client.toolNames());
        ToolResult added = client.callTool("addTodo", Map.of("title", "ship it"));
        assertFalse(added.isError());
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }

  private static URI awaitUrl(Process process) throws Exception {
    Pattern endpoint = Pattern.compile("MCP endpoint: (http://\\S+)");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      seen.append(line).append('\n');
      Matcher m = endpoint.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
        drain.setDaemon(true);
        drain.start();
        return URI.create(m.group(1));
      }
    }
    throw new AssertionError("no MCP endpoint line in the output:\n" + seen);
  }
}
