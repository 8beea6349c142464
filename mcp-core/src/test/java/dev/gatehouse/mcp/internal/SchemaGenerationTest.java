package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Param;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolContext;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaGenerationTest {

  enum Priority { LOW, HIGH }

  record Address(String street, String city) {}

  record Person(String name, int age, Address home, List<Address> others) {}

  static final class Tools {
    @Tool(description = "every supported type")
    public String everything(
        @Param(description = "a string") String text,
        int count,
        Integer boxed,
        double ratio,
        boolean flag,
        Priority priority,
        UUID id,
        URI link,
        BigDecimal amount,
        LocalDate day,
        Instant at,
        List<String> tags,
        Set<Integer> numbers,
        String[] array,
        Map<String, Integer> scores,
        Person person,
        Optional<String> maybe,
        @Param(required = false) String optionalByFlag,
        ToolContext ctx) {
      return "ok";
    }

    @Tool(description = "bytes")
    public String bytes(byte small, byte[] blob) {
      return small + ":" + blob.length;
    }

    @Tool(description = "maybe a record")
    public Optional<Person> maybePerson(boolean present) {
      return present ? Optional.of(new Person("a", 1, null, List.of())) : Optional.empty();
    }

    @Tool(description = "returns a record")
    public Person person() {
      return new Person("a", 1, null, List.of());
    }

    @Tool(description = "returns a list")
    public List<String> names() {
      return List.of("a");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> props(Map<String, Object> schema) {
    return (Map<String, Object>) schema.get("properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> prop(Map<String, Object> schema, String name) {
    return (Map<String, Object>) props(schema).get(name);
  }

  private final Catalog catalog = Fixtures.catalog(new Tools());

  private Map<String, Object> input(String tool) {
    return catalog.tool(tool).orElseThrow().descriptor().inputSchema();
  }

  @Test
  void primitivesAndBoxesMapToJsonTypes() {
    Map<String, Object> s = input("everything");
    assertEquals("string", prop(s, "text").get("type"));
    assertEquals("integer", prop(s, "count").get("type"));
    assertEquals("integer", prop(s, "boxed").get("type"));
    assertEquals("number", prop(s, "ratio").get("type"));
    assertEquals("boolean", prop(s, "flag").get("type"));
    assertEquals("number", prop(s, "amount").get("type"));
  }

  @Test
  void stringLikeTypesCarryFormats() {
    Map<String, Object> s = input("everything");
    assertEquals("uuid", prop(s, "id").get("format"));
    assertEquals("uri", prop(s, "link").get("format"));
    assertEquals("date", prop(s, "day").get("format"));
    assertEquals("date-time", prop(s, "at").get("format"));
  }

  @Test
  void enumsListTheirConstants() {
    assertEquals(List.of("LOW", "HIGH"), prop(input("everything"), "priority").get("enum"));
  }

  @Test
  void collectionsAndMapsDescribeTheirElements() {
    Map<String, Object> s = input("everything");
    assertEquals("array", prop(s, "tags").get("type"));
    assertEquals(Map.of("type", "string"), prop(s, "tags").get("items"));
    assertEquals(true, prop(s, "numbers").get("uniqueItems"));
    assertEquals("array", prop(s, "array").get("type"));
    assertEquals("object", prop(s, "scores").get("type"));
    assertEquals(Map.of("type", "integer", "format", "int32"), prop(s, "scores").get("additionalProperties"));
  }

  @Test
  void nestedRecordsShareDefinitions() {
    Map<String, Object> s = input("everything");
    Map<String, Object> person = prop(s, "person");
    assertEquals("object", person.get("type"));
    assertTrue(s.containsKey("$defs"), "Address is used twice, so it is defined once: " + s);
  }

  @Test
  void descriptionsComeFromParam() {
    assertEquals("a string", prop(input("everything"), "text").get("description"));
  }

  @Test
  void requiredListsEveryNonOptionalArgumentAndNeverTheContext() {
    @SuppressWarnings("unchecked")
    List<String> required = (List<String>) input("everything").get("required");
    assertTrue(required.contains("text"));
    assertTrue(required.contains("person"));
    assertFalse(required.contains("maybe"));
    assertFalse(required.contains("optionalByFlag"));
    assertFalse(props(input("everything")).containsKey("ctx"));
  }

  @Test
  void recordReturnTypesProduceAnObjectOutputSchema() {
    Map<String, Object> output = catalog.tool("person").orElseThrow().descriptor().outputSchema();
    assertEquals("object", output.get("type"));
    assertEquals(List.of("name", "age", "home", "others"), List.copyOf(props(output).keySet()));
  }

  @Test
  void nonObjectReturnTypesAreWrappedInResult() {
    Map<String, Object> output = catalog.tool("names").orElseThrow().descriptor().outputSchema();
    assertEquals("object", output.get("type"));
    assertEquals("array", prop(output, "result").get("type"));
    assertEquals(List.of("result"), output.get("required"));
  }

  @Test
  void bytesAreSmallIntegersAndByteArraysAreBase64() {
    Map<String, Object> s = input("bytes");
    assertEquals(Map.of("type", "integer", "minimum", -128, "maximum", 127), prop(s, "small"));
    assertEquals(Map.of("type", "string", "contentEncoding", "base64"), prop(s, "blob"));
    var result =
        catalog.tool("bytes").orElseThrow().call(Map.of("small", 7, "blob", "AQID"), new Fixtures.RecordingContext());
    assertEquals("7:3", ((dev.gatehouse.mcp.Content.Text) result.content().get(0)).text());
  }

  @Test
  void optionalRecordsAreWrappedAndMayBeAbsent() {
    Map<String, Object> output = catalog.tool("maybePerson").orElseThrow().descriptor().outputSchema();
    assertFalse(output.containsKey("required"), output.toString());
    var empty =
        catalog.tool("maybePerson").orElseThrow().call(Map.of("present", false), new Fixtures.RecordingContext());
    assertFalse(empty.isError());
    assertEquals(Map.of(), empty.structuredContent().orElseThrow());
    var present =
        catalog.tool("maybePerson").orElseThrow().call(Map.of("present", true), new Fixtures.RecordingContext());
    assertEquals("a", ((Map<?, ?>) ((Map<?, ?>) present.structuredContent().orElseThrow()).get("result")).get("name"));
  }

  @Test
  void stringReturnTypesHaveNoOutputSchema() {
    assertNull(catalog.tool("everything").orElseThrow().descriptor().outputSchema());
  }
}
