package dev.gatehouse.mcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Role;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every feature through the official SDK client, against a real server. */
class ClientFeaturesIT {

  private static final List<ElicitationRequest> ELICITED =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private static McpServer server;
  private static TestClient client;

  @BeforeAll
  static void start() {
    server = McpServer.builder("features", "1.0").tools(new FeatureTools()).http(h -> h.port(0)).start();
    client =
        TestClient.builder(server.url())
            .onElicitation(
                request -> {
                  ELICITED.add(request);
                  return request.message().equals("Proceed?")
                      ? new Elicitation(Elicitation.Action.ACCEPT, Map.of("proceed", true, "reason", "tested"))
                      : new Elicitation(Elicitation.Action.ACCEPT, Map.of("name", "Ada"));
                })
            .onSampling(request -> new Sampling.Result(Role.ASSISTANT, "short: " + request.messages().get(0).text(), "m", null))
            .connect();
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void structuredResultsCarryContentAndStructure() {
    ToolResult result = client.callTool("book", Map.of("guest", "Ada", "from", "2026-03-01"));
    assertFalse(result.isError());
    assertEquals(Map.of("guest", "Ada", "from", "2026-03-01", "nights", 1), result.structuredContent().orElseThrow());
    assertEquals("{\"guest\":\"Ada\",\"from\":\"2026-03-01\",\"nights\":1}", text(result));
  }

  @Test
  void badArgumentsAreJsonRpcInvalidParamsWithAPath() {
    RpcException e =
        assertThrows(
            RpcException.class,
            () -> client.callTool("book", Map.of("guest", "Ada", "from", "2026-03-01", "nights", "two")));
    assertEquals(-32602, e.code());
    assertEquals("expected integer at $.nights", e.getMessage());
  }

  @Test
  void unknownToolsAreInvalidParams() {
    RpcException e = assertThrows(RpcException.class, () -> client.callTool("nope", Map.of()));
    assertEquals(-32602, e.code());
    assertEquals("unknown tool 'nope'", e.getMessage());
  }

  @Test
  void toolsListCarriesSchemasAndScopesStayServerSide() {
    Map<String, Object> book =
        client.listTools().stream().filter(t -> t.get("name").equals("book")).findFirst().orElseThrow();
    assertTrue(book.containsKey("inputSchema"));
    assertTrue(book.containsKey("outputSchema"));
    assertFalse(book.toString().contains("rooms:write"), "scopes are not advertised in tools/list");
  }

  @Test
  void errorResultsKeepIsErrorWhateverTheirContent() {
    ToolResult result = client.callTool("failWithImage", Map.of());
    assertTrue(result.isError());
    assertEquals(2, result.content().size());
  }

  @Test
  void elicitationReachesTheUser() {
    assertEquals("hello Ada", text(client.callTool("askName", Map.of())));
  }

  @Test
  void typedFormsAreAskedForAndReadBack() {
    assertEquals("go: tested", text(client.callTool("confirm", Map.of())));
    ElicitationRequest asked =
        ELICITED.stream().filter(r -> r.message().equals("Proceed?")).findFirst().orElseThrow();
    assertEquals(
        Map.of("proceed", Map.of("type", "boolean"), "reason", Map.of("type", "string")),
        asked.requestedSchema().get("properties"));
    assertEquals(List.of("proceed", "reason"), asked.requestedSchema().get("required"));
  }

  @Test
  void samplingReachesTheClientModel() {
    assertEquals("short: Summarize: long text", text(client.callTool("summarize", Map.of("text", "long text"))));
  }

  @Test
  void progressAndLogsReachTheClient() throws Exception {
    client.setLogLevel(LogLevel.INFO);
    assertEquals("worked", text(client.callTool("work", Map.of())));
    for (int i = 0; i < 50 && (client.progress().size() < 2 || client.logs().isEmpty()); i++) {
      Thread.sleep(20);
    }
    assertTrue(client.progress().containsAll(List.of(1.0, 2.0)), client.progress().toString());
    assertTrue(client.logs().contains("WARNING: careful"), client.logs().toString());
    assertFalse(client.logs().contains("DEBUG: debug detail"), "below the level the client set");
  }

  @Test
  void resourcesAreListedAndRead() {
    assertEquals(
        List.of("notes://readme", "notes://logo", "notes://bookings/{guest}/{nights}"),
        client.resourceUris());
    assertEquals(
        List.of(ResourceContent.text("notes://readme", "text/markdown", "# Notes")),
        client.readResource("notes://readme"));
    assertEquals(
        List.of(new ResourceContent.Blob("notes://logo", "image/png", "AQID")),
        client.readResource("notes://logo"));
  }

  @Test
  void templatesBindVariablesToParameters() {
    List<ResourceContent> contents = client.readResource("notes://bookings/Grace%20H/3");
    ResourceContent.Text text = (ResourceContent.Text) contents.get(0);
    assertEquals("application/json", text.mimeType());
    assertEquals("{\"guest\":\"Grace H\",\"from\":\"2026-01-01\",\"nights\":3}", text.text());
  }

  @Test
  void templateVariablesOfTheWrongTypeAreInvalidParams() {
    RpcException e = assertThrows(RpcException.class, () -> client.readResource("notes://bookings/Ada/many"));
    assertEquals(-32602, e.code());
  }

  @Test
  void unknownResourcesAreNotFound() {
    RpcException e = assertThrows(RpcException.class, () -> client.readResource("notes://nothing"));
    assertEquals(-32002, e.code());
  }

  @Test
  void promptsRenderWithArguments() {
    PromptResult result = client.getPrompt("greet", Map.of("name", "Ada"));
    assertEquals("Hello, Ada", ((Content.Text) result.messages().get(0).content()).text());
    PromptResult dialogue = client.getPrompt("dialogue", Map.of());
    assertEquals(Role.ASSISTANT, dialogue.messages().get(1).role());
  }

  @Test
  void missingPromptArgumentsAreInvalidParams() {
    RpcException e = assertThrows(RpcException.class, () -> client.getPrompt("greet", Map.of()));
    assertEquals(-32602, e.code());
    assertTrue(e.getMessage().contains("$.name"), e.getMessage());
  }

  @Test
  void completionsFilterByPrefix() {
    assertEquals(List.of("Hello", "Hi", "Howdy"), client.completePrompt("greet", "style", "H"));
  }
}
