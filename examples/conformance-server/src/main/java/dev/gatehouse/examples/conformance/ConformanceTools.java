package dev.gatehouse.examples.conformance;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import dev.gatehouse.mcp.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tools the conformance suite's server scenarios call. */
public final class ConformanceTools {

  @Tool(name = "test_simple_text", description = "Returns a simple text response")
  public String simpleText() {
    return "This is a simple text response for testing.";
  }

  @Tool(name = "test_image_content", description = "Returns an image")
  public Content imageContent() {
    return Content.image(Media.PNG, "image/png");
  }

  @Tool(name = "test_audio_content", description = "Returns audio")
  public Content audioContent() {
    return Content.audio(Media.WAV, "audio/wav");
  }

  @Tool(name = "test_embedded_resource", description = "Returns an embedded resource")
  public Content embeddedResource() {
    return Content.embedded(
        ResourceContent.text(
            "test://embedded-resource", "text/plain", "This is an embedded resource content."));
  }

  @Tool(name = "test_multiple_content_types", description = "Returns text, an image and a resource")
  public List<Content> multipleContentTypes() {
    return List.of(
        Content.text("Multiple content types test:"),
        Content.image(Media.PNG, "image/png"),
        Content.embedded(
            ResourceContent.text(
                "test://mixed-content-resource", "application/json", "{\"test\":\"data\",\"value\":123}")));
  }

  @Tool(name = "test_tool_with_logging", description = "Sends log messages while it runs")
  public String withLogging(ToolContext ctx) throws InterruptedException {
    ctx.log(LogLevel.INFO, "Tool execution started");
    Thread.sleep(50);
    ctx.log(LogLevel.INFO, "Tool processing data");
    Thread.sleep(50);
    ctx.log(LogLevel.INFO, "Tool execution completed");
    return "Logging test completed";
  }

  @Tool(name = "test_error_handling", description = "Always fails, to test error results")
  public String errorHandling() {
    throw new ToolException("This tool intentionally returns an error for testing");
  }

  @Tool(name = "test_tool_with_progress", description = "Reports progress while it runs")
  public String withProgress(ToolContext ctx) throws InterruptedException {
    for (int step = 0; step <= 100; step += 50) {
      ctx.progress(step, 100, "step " + step);
      Thread.sleep(50);
    }
    return "Progress test completed";
  }

  @Tool(name = "test_sampling", description = "Asks the client's model to answer a prompt")
  public String sampling(@Param(description = "The prompt to send") String prompt, ToolContext ctx) {
    return "LLM response: " + ctx.sample(Sampling.of(prompt, 100)).text();
  }

  @Tool(name = "test_elicitation", description = "Asks the user for their information")
  public String elicitation(
      @Param(description = "The message to show the user") String message, ToolContext ctx) {
    Map<String, Object> schema =
        Map.of(
            "type", "object",
            "properties",
                Map.of(
                    "username", Map.of("type", "string", "description", "Your username"),
                    "email", Map.of("type", "string", "description", "Your email address")),
            "required", List.of("username", "email"));
    return answer(ctx.elicit(message, schema));
  }

  @Tool(
      name = "test_elicitation_sep1034_defaults",
      description = "Asks for a form whose fields have default values")
  public String elicitationDefaults(ToolContext ctx) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("name", Map.of("type", "string", "description", "User name", "default", "John Doe"));
    properties.put("age", Map.of("type", "integer", "description", "User age", "default", 30));
    properties.put("score", Map.of("type", "number", "description", "User score", "default", 95.5));
    properties.put(
        "status",
        Map.of(
            "type", "string",
            "description", "User status",
            "enum", List.of("active", "inactive", "pending"),
            "default", "active"));
    properties.put(
        "verified", Map.of("type", "boolean", "description", "Verification status", "default", true));
    return answer(
        ctx.elicit(
            "Please review and update the form fields with defaults",
            Map.of("type", "object", "properties", properties, "required", List.of())));
  }

  @Tool(
      name = "test_elicitation_sep1330_enums",
      description = "Asks for a form with every kind of enum field")
  public String elicitationEnums(ToolContext ctx) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "untitledSingle",
        Map.of("type", "string", "description", "Pick one", "enum", List.of("option1", "option2", "option3")));
    properties.put(
        "titledSingle",
        Map.of(
            "type", "string",
            "description", "Pick one (titled)",
            "oneOf",
                List.of(
                    Map.of("const", "value1", "title", "First Option"),
                    Map.of("const", "value2", "title", "Second Option"),
                    Map.of("const", "value3", "title", "Third Option"))));
    properties.put(
        "legacyEnum",
        Map.of(
            "type", "string",
            "description", "Pick one (legacy)",
            "enum", List.of("opt1", "opt2", "opt3"),
            "enumNames", List.of("Option One", "Option Two", "Option Three")));
    properties.put(
        "untitledMulti",
        Map.of(
            "type", "array",
            "description", "Pick several",
            "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
    properties.put(
        "titledMulti",
        Map.of(
            "type", "array",
            "description", "Pick several (titled)",
            "items",
                Map.of(
                    "anyOf",
                    List.of(
                        Map.of("const", "value1", "title", "First Choice"),
                        Map.of("const", "value2", "title", "Second Choice"),
                        Map.of("const", "value3", "title", "Third Choice")))));
    return answer(
        ctx.elicit(
            "Please select options from the enum fields",
            Map.of("type", "object", "properties", properties, "required", List.of())));
  }

  private static String answer(Elicitation elicitation) {
    return "Elicitation completed: action=" + elicitation.action().name().toLowerCase(java.util.Locale.ROOT)
        + ", content=" + elicitation.content();
  }

  /** Unused by the suite; shows a structured result next to the fixtures. */
  @Tool(name = "test_structured", description = "Returns a structured point", readOnly = true)
  public ToolResult structured() {
    return ToolResult.structured(Map.of("x", 1, "y", 2));
  }
}
