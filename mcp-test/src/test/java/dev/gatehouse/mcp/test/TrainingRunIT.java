package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.authserver.Auth;
import dev.gatehouse.mcp.internal.TrainingRun;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GATEHOUSE_TRAINING_RUN: the server exercises itself without running a tool, then the process exits. */
class TrainingRunIT {

  /** Tools that count their calls: a training run must leave both counts at zero. */
  public static final class CountedTools {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Tool(description = "Adds a note")
    public String add(@Param(description = "The note") String text) {
      CALLS.incrementAndGet();
      System.out.println("TOOL RAN");
      return text;
    }

    @Tool(description = "Clears every note")
    public String clear() {
      CALLS.incrementAndGet();
      System.out.println("TOOL RAN");
      return "cleared";
    }
  }

  @Test
  void aStatefulServerAnswersEveryTrainingRequestAndNoToolRuns() {
    assertTrainedWithoutCalls(false);
  }

  @Test
  void aStatelessServerAnswersEveryTrainingRequestAndNoToolRuns() {
    assertTrainedWithoutCalls(true);
  }

  private static void assertTrainedWithoutCalls(boolean stateless) {
    CountedTools.CALLS.set(0);
    try (McpServer server =
        McpServer.builder("notes", "1").tools(new CountedTools()).http(h -> h.port(0).stateless(stateless)).start()) {
      TrainingRun.Report report = TrainingRun.exercise(server);
      assertEquals(List.of(), report.failures());
      // initialize (a malformed one first), initialized, ping, four lists, the call; DELETE with a session
      assertEquals(stateless ? 9 : 10, report.requests(), report.toString());
      assertEquals(0, CountedTools.CALLS.get(), "a training run never runs a tool");
      // the call it sent was refused at argument checking; a real call does run the tool
      try (TestClient client = TestClient.builder(server.url()).connect()) {
        assertFalse(client.callTool("add", java.util.Map.of("text", "hi")).isError());
      }
      assertEquals(1, CountedTools.CALLS.get());
    }
  }

  @Test
  void withAuthenticationTheRunFollowsTheChallengeToTheMetadata() {
    try (McpServer server =
        McpServer.builder("notes", "1")
            .tools(new CountedTools())
            .auth(Auth.embedded(o -> o.inMemory()))
            .http(h -> h.port(0))
            .start()) {
      TrainingRun.Report report = TrainingRun.exercise(server);
      assertEquals(List.of(), report.failures());
      // the malformed and the real initialize, resource metadata, AS metadata, JWKS
      assertEquals(5, report.requests(), report.toString());
    }
  }

  /** What the subprocess runs: an embedded authorization server with a data directory, and our tools. */
  public static final class Main {
    public static void main(String[] args) {
      McpServer.builder("notes", "1")
          .tools(new CountedTools())
          .auth(Auth.embedded(o -> o.dataDirectory(Path.of("data"))))
          .start();
      System.out.println("START RETURNED");
    }
  }

  @Test
  void theProcessExitsCleanlyAndLeavesAClassArchiveButNoKeys(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("app.jsa");
    Path log = dir.resolve("out.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Dgatehouse.training.run=true",
                "-Dgatehouse.port=8080",
                "-cp", jarredClassPath(dir),
                Main.class.getName())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the training run exits");
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), out);
    assertTrue(out.contains("training run: 5 requests answered"), out);
    assertFalse(out.contains("TOOL RAN"), out);
    assertFalse(out.contains("START RETURNED"), "start() ends the process in a training run");
    assertFalse(out.contains(":8080"), "the run binds an ephemeral port, not the configured one");
    assertFalse(Files.exists(dir.resolve("data")), "no keys or database may land in an image");
    assertTrue(Files.size(archive) > 1_000_000, "an AppCDS archive was written: " + Files.size(archive) + " bytes");
  }

  /** This test's class path with each directory packed into a jar: an AppCDS archive takes jars only. */
  private static String jarredClassPath(Path dir) throws java.io.IOException {
    List<String> entries = new java.util.ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (!Files.isDirectory(path)) {
        entries.add(entry);
        continue;
      }
      Path jar = dir.resolve("classes-" + n++ + ".jar");
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
          var files = Files.walk(path)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          out.putNextEntry(new java.util.jar.JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}
