package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Content;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import dev.gatehouse.mcp.ToolResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsTest {

  record Point(int x, int y) {}

  static final class Tools {
    @Tool(description = "text")
    public String text() {
      return "hello";
    }

    @Tool(description = "structured")
    public Point point() {
      return new Point(1, 2);
    }

    @Tool(description = "wrapped")
    public List<Integer> numbers() {
      return List.of(1, 2);
    }

    @Tool(description = "mixed")
    public ToolResult mixed() {
      return ToolResult.of(Content.text("a"), Content.image(new byte[] {1, 2}, "image/png"));
    }

    @Tool(description = "fails on purpose")
    public String refuses() {
      throw new ToolException("no todo with id 7");
    }

    @Tool(description = "crashes")
    public String crashes() {
      throw new IllegalStateException("secret database password in message");
    }

    @Tool(description = "uses the context")
    public String logs(ToolContext ctx) {
      ctx.log(dev.gatehouse.mcp.LogLevel.INFO, "hi");
      ctx.progress(1, 2, "half");
      return ctx.caller().subject();
    }
  }

  private final Catalog catalog = Fixtures.catalog(new Tools());
  private final Fixtures.RecordingContext context = new Fixtures.RecordingContext();

  private ToolResult call(String name) {
    return catalog.tool(name).orElseThrow().call(Map.of(), context);
  }

  private static String text(ToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void stringsBecomeText() {
    assertEquals("hello", text(call("text")));
    assertTrue(call("text").structuredContent().isEmpty());
  }

  @Test
  void recordsBecomeStructuredContentWithAJsonTextBlock() {
    ToolResult result = call("point");
    assertEquals(Map.of("x", 1, "y", 2), result.structuredContent().orElseThrow());
    assertEquals("{\"x\":1,\"y\":2}", text(result));
  }

  @Test
  void listsAreWrappedInResult() {
    ToolResult result = call("numbers");
    assertEquals(Map.of("result", List.of(1, 2)), result.structuredContent().orElseThrow());
    assertEquals("[1,2]", text(result));
  }

  @Test
  void toolResultsPassThrough() {
    ToolResult result = call("mixed");
    assertEquals(2, result.content().size());
    assertEquals(new Content.Image("AQI=", "image/png"), result.content().get(1));
  }

  @Test
  void toolExceptionsBecomeErrorResultsWithTheirMessage() {
    ToolResult result = call("refuses");
    assertTrue(result.isError());
    assertEquals("no todo with id 7", text(result));
  }

  @Test
  void otherExceptionsAreMaskedWithAReference() {
    ToolResult result = call("crashes");
    assertTrue(result.isError());
    String message = text(result);
    assertTrue(message.matches("tool 'crashes' failed \\(ref [0-9a-f]{6}\\)"), message);
    assertFalse(message.contains("password"));
  }

  @Test
  void theContextIsInjected() {
    assertEquals("anonymous", text(call("logs")));
    assertEquals(List.of("INFO:hi"), context.logs);
    assertEquals(List.of(1.0), context.progress);
  }
}
