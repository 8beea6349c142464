package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.ToolDefinition;
import dev.gatehouse.mcp.ToolException;
import dev.gatehouse.mcp.ToolResult;
import dev.gatehouse.mcp.internal.scanned.injected.InjectedTools;
import dev.gatehouse.mcp.internal.scanned.plain.PlainTools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationTest {

  private static final String PLAIN = "dev.gatehouse.mcp.internal.scanned.plain";
  private static final String INJECTED = "dev.gatehouse.mcp.internal.scanned.injected";

  @Test
  void scanningFindsAnnotatedClassesAndUsesTheirNoArgConstructor() {
    List<String> problems = new ArrayList<>();
    List<Object> found = Scanner.scan(List.of(PLAIN), null, problems);
    assertEquals(List.of(), problems);
    assertEquals(1, found.size());
    assertTrue(found.get(0) instanceof PlainTools);
  }

  @Test
  void classesWithoutANoArgConstructorNeedAFactory() {
    List<String> problems = new ArrayList<>();
    Scanner.scan(List.of(INJECTED), null, problems);
    assertEquals(
        List.of(
            InjectedTools.class.getName()
                + ": no no-arg constructor; add one, register an instance with tools(...), or"
                + " supply an instanceFactory"),
        problems);
  }

  @Test
  void anInstanceFactorySuppliesScannedClasses() {
    List<String> problems = new ArrayList<>();
    List<Object> found =
        Scanner.scan(List.of(INJECTED), type -> type.getConstructor(String.class).newInstance("hi"), problems);
    assertEquals(List.of(), problems);
    Catalog catalog = Catalog.build(found, List.of(), problems);
    ToolResult result = catalog.tool("greet").orElseThrow().call(Map.of(), new Fixtures.RecordingContext());
    assertEquals("hi", ((Content.Text) result.content().get(0)).text());
  }

  @Test
  void aFactoryReturningTheWrongThingIsAProblem() {
    List<String> problems = new ArrayList<>();
    Scanner.scan(List.of(INJECTED), type -> "not a tool object", problems);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("the instanceFactory returned not a tool object"), problems.toString());
  }

  @Test
  void scanningAnEmptyPackageIsAProblem() {
    List<String> problems = new ArrayList<>();
    Scanner.scan(List.of("dev.gatehouse.nothing.here"), null, problems);
    assertTrue(problems.get(0).contains("found no class with @Tool, @Resource or @Prompt methods"), problems.toString());
  }

  private static final ToolDefinition ECHO =
      ToolDefinition.builder("echo")
          .description("Echoes")
          .inputSchema(
              Map.of(
                  "type", "object",
                  "properties", Map.of("text", Map.of("type", "string")),
                  "required", List.of("text")))
          .handler(
              (args, ctx) -> {
                if ("fail".equals(args.get("text"))) {
                  throw new ToolException("asked to fail");
                }
                if ("crash".equals(args.get("text"))) {
                  throw new IllegalStateException("boom");
                }
                return ToolResult.text((String) args.get("text"));
              })
          .build();

  @Test
  void definedToolsValidateArgumentsAgainstTheirSchema() {
    List<String> problems = new ArrayList<>();
    ToolEntry tool = Catalog.build(List.of(), List.of(ECHO), problems).tool("echo").orElseThrow();
    assertEquals(List.of(), problems);
    var context = new Fixtures.RecordingContext();
    assertEquals("hi", ((Content.Text) tool.call(Map.of("text", "hi"), context).content().get(0)).text());
    ArgumentException e = assertThrows(ArgumentException.class, () -> tool.call(Map.of("text", 5), context));
    assertTrue(e.getMessage().startsWith("invalid arguments: "), e.getMessage());
    assertThrows(ArgumentException.class, () -> tool.call(null, context));
    assertEquals("asked to fail", ((Content.Text) tool.call(Map.of("text", "fail"), context).content().get(0)).text());
    ToolResult crashed = tool.call(Map.of("text", "crash"), context);
    assertTrue(crashed.isError());
    assertTrue(((Content.Text) crashed.content().get(0)).text().startsWith("tool 'echo' failed (ref "));
  }

  @Test
  void definedToolsWithAnInvalidSchemaAreAProblem() {
    ToolDefinition bad =
        ToolDefinition.builder("bad")
            .inputSchema(Map.of("type", "object", "required", "text"))
            .handler((args, ctx) -> ToolResult.text(""))
            .build();
    List<String> problems = new ArrayList<>();
    Catalog.build(List.of(), List.of(bad), problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("tool definition 'bad': inputSchema is not a valid JSON Schema"), problems.get(0));
  }

  @Test
  void generatedAndCheckedSchemasAreNotCheckedAgainWhenTheSdkBuildsTheServer() {
    List<String> problems = new ArrayList<>();
    Catalog catalog = Catalog.build(List.of(new PlainTools()), List.of(ECHO), problems);
    for (ToolEntry tool : catalog.tools()) {
      assertTrue(tool.descriptor().inputSchema() instanceof CheckedSchema, tool.name());
    }
  }

  @Test
  void definedToolsFollowTheSameNameRules() {
    ToolDefinition bad =
        ToolDefinition.builder("has space").handler((args, ctx) -> ToolResult.text("")).build();
    List<String> problems = new ArrayList<>();
    Catalog.build(List.of(new PlainTools()), List.of(bad, ToolDefinition.builder("ping").handler((a, c) -> null).build()), problems);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("tool name 'has space' is invalid"));
    assertTrue(problems.get(1).contains("tool name 'ping' is already declared by"));
  }

  @Test
  void startReportsEveryProblemAtOnceBeforeLookingForATransport() {
    McpException e =
        assertThrows(
            McpException.class,
            () ->
                McpServer.builder("broken", "1")
                    .tools(new DeclarationProblemsTest.Broken())
                    .scan(INJECTED)
                    .start());
    assertTrue(e.getMessage().startsWith("Gatehouse cannot start: 9 problems"), e.getMessage());
  }

  @Test
  void withNothingToServeStartSaysSo() {
    McpException e = assertThrows(McpException.class, () -> McpServer.builder("empty", "1").start());
    assertTrue(e.getMessage().contains("nothing to serve"), e.getMessage());
  }
}
