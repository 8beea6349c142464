package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Tool;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArgumentBindingTest {

  enum Color { RED, GREEN }

  record Item(String name, LocalDate due) {}

  static final class Tools {
    @Tool(description = "takes text")
    public String text(String value) {
      return value;
    }

    @Tool(description = "echoes what it was given")
    public String echo(
        Optional<Integer> limit,
        @Param(required = false) int count,
        Color color,
        UUID id,
        List<Item> items) {
      return limit.map(String::valueOf).orElse("none") + "/" + count + "/" + color + "/" + id + "/"
          + items;
    }
  }

  private final ToolEntry tool = Fixtures.catalog(new Tools()).tool("echo").orElseThrow();

  private String call(Map<String, Object> args) {
    var result = tool.call(args, new Fixtures.RecordingContext());
    return ((dev.gatehouse.mcp.Content.Text) result.content().get(0)).text();
  }

  private String error(Map<String, Object> args) {
    return assertThrows(ArgumentException.class, () -> call(args)).getMessage();
  }

  private static Map<String, Object> valid() {
    Map<String, Object> args = new HashMap<>();
    args.put("color", "RED");
    args.put("id", "123e4567-e89b-12d3-a456-426614174000");
    args.put("items", List.of(Map.of("name", "a", "due", "2026-01-31")));
    return args;
  }

  @Test
  void bindsValidArgumentsWithDefaultsForOptionalOnes() {
    assertEquals(
        "none/0/RED/123e4567-e89b-12d3-a456-426614174000/[Item[name=a, due=2026-01-31]]",
        call(valid()));
  }

  @Test
  void wrongScalarTypeNamesThePath() {
    Map<String, Object> args = valid();
    args.put("limit", "ten");
    assertEquals("expected integer at $.limit", error(args));
  }

  @Test
  void stringifiedNumbersAreNotCoerced() {
    Map<String, Object> args = valid();
    args.put("limit", "10");
    assertEquals("expected integer at $.limit", error(args));
  }

  @Test
  void fractionsAreNotTruncatedToIntegers() {
    Map<String, Object> args = valid();
    args.put("count", 1.5);
    assertEquals("expected integer at $.count, got '1.5'", error(args));
  }

  @Test
  void nestedErrorsNameTheFullPath() {
    Map<String, Object> args = valid();
    args.put("items", List.of(Map.of("name", "a"), Map.of("name", "b", "due", "tomorrow")));
    assertEquals(
        "expected string (format date, e.g. 2026-01-31) at $.items[1].due, got 'tomorrow'",
        error(args));
  }

  @Test
  void unknownEnumValuesListTheChoices() {
    Map<String, Object> args = valid();
    args.put("color", "BLUE");
    assertEquals("expected one of [RED, GREEN] at $.color, got 'BLUE'", error(args));
  }

  @Test
  void missingRequiredArgumentsAreReported() {
    Map<String, Object> args = valid();
    args.remove("color");
    assertEquals("missing required argument at $.color (expected one of [RED, GREEN])", error(args));
  }

  @Test
  void explicitNullForRequiredArgumentIsReported() {
    Map<String, Object> args = valid();
    args.put("id", null);
    assertEquals("null required argument at $.id (expected string (format uuid))", error(args));
  }

  @Test
  void malformedUuidIsReported() {
    Map<String, Object> args = valid();
    args.put("id", "not-a-uuid");
    assertEquals("expected string (format uuid) at $.id, got 'not-a-uuid'", error(args));
  }

  @Test
  void numbersAndBooleansAreNotTurnedIntoStrings() {
    ToolEntry text = Fixtures.catalog(new Tools()).tool("text").orElseThrow();
    var context = new Fixtures.RecordingContext();
    assertEquals(
        "expected string at $.value, got '5'",
        assertThrows(ArgumentException.class, () -> text.call(Map.of("value", 5), context)).getMessage());
    assertThrows(ArgumentException.class, () -> text.call(Map.of("value", true), context));
  }

  @Test
  void unknownArgumentsAreReportedWithTheExpectedNames() {
    Map<String, Object> args = valid();
    args.put("limt", 3);
    assertEquals("unknown argument 'limt'; expected [limit, count, color, id, items]", error(args));
  }

  @Test
  void arrayWhereObjectExpectedIsReported() {
    Map<String, Object> args = valid();
    args.put("items", Map.of("name", "x"));
    assertEquals("expected array at $.items", error(args));
  }
}
