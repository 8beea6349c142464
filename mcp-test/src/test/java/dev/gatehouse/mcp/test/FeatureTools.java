package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One of everything, for the client-facing integration tests. */
public final class FeatureTools {

  public record Booking(String guest, LocalDate from, int nights) {}

  @Tool(description = "Books a room", scope = "rooms:write")
  public Booking book(
      @Param(description = "Guest name") String guest,
      @Param(description = "First night") LocalDate from,
      @Param(description = "How many nights") Optional<Integer> nights) {
    return new Booking(guest, from, nights.orElse(1));
  }

  @Tool(description = "Fails with text and an image")
  public dev.gatehouse.mcp.ToolResult failWithImage() {
    return dev.gatehouse.mcp.ToolResult.error(
        List.of(Content.text("chart failed"), Content.image(new byte[] {1}, "image/png")));
  }

  public record Confirmation(boolean proceed, String reason) {}

  @Tool(description = "Asks the user to confirm with a typed form")
  public String confirm(ToolContext ctx) {
    Elicitation answer = ctx.elicit("Proceed?", Confirmation.class);
    if (!answer.accepted()) {
      return "not confirmed";
    }
    Confirmation form = answer.as(Confirmation.class);
    return (form.proceed() ? "go: " : "stop: ") + form.reason();
  }

  @Tool(description = "Asks the user for a name")
  public String askName(ToolContext ctx) {
    Elicitation answer =
        ctx.elicit(
            "What is your name?",
            Map.of("type", "object", "properties", Map.of("name", Map.of("type", "string"))));
    return answer.accepted() ? "hello " + answer.content().get("name") : "no answer: " + answer.action();
  }

  @Tool(description = "Asks the client's model")
  public String summarize(String text, ToolContext ctx) {
    return ctx.sample(Sampling.of("Summarize: " + text, 50)).text();
  }

  @Tool(description = "Reports progress and logs")
  public String work(ToolContext ctx) {
    ctx.log(LogLevel.DEBUG, "debug detail");
    ctx.log(LogLevel.WARNING, "careful");
    ctx.progress(1, 2, "half");
    ctx.progress(2, 2, "done");
    return "worked";
  }

  @Resource(uri = "notes://readme", mimeType = "text/markdown", description = "The readme")
  public String readme() {
    return "# Notes";
  }

  @Resource(uri = "notes://logo", mimeType = "image/png", description = "The logo")
  public byte[] logo() {
    return new byte[] {1, 2, 3};
  }

  @Resource(uri = "notes://bookings/{guest}/{nights}", description = "A booking")
  public Booking booking(String guest, int nights) {
    return new Booking(guest, LocalDate.of(2026, 1, 1), nights);
  }

  @Prompt(description = "Greets someone")
  public String greet(@Param(description = "Who") String name, Optional<String> style) {
    return style.orElse("Hello") + ", " + name;
  }

  @Prompt(description = "Two messages")
  public List<dev.gatehouse.mcp.PromptMessage> dialogue() {
    return List.of(
        dev.gatehouse.mcp.PromptMessage.user("Hi"),
        new dev.gatehouse.mcp.PromptMessage(dev.gatehouse.mcp.Role.ASSISTANT, Content.text("Hello!")));
  }

  @Completion(prompt = "greet", argument = "style")
  public List<String> styles(String prefix) {
    return Stream.of("Hello", "Hi", "Howdy", "Good day").filter(s -> s.startsWith(prefix)).toList();
  }
}
