package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.ToolException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElicitationFormsTest {

  enum Size { SMALL, LARGE }

  record Order(String name, int count, double price, boolean gift, Size size) {}

  record Nested(String name, Order order) {}

  @Test
  void recordsBecomeFlatRequiredForms() {
    Map<String, Object> schema = ElicitationForms.schema(Order.class);
    assertEquals("object", schema.get("type"));
    assertEquals(
        Map.of(
            "name", Map.of("type", "string"),
            "count", Map.of("type", "integer"),
            "price", Map.of("type", "number"),
            "gift", Map.of("type", "boolean"),
            "size", Map.of("type", "string", "enum", List.of("SMALL", "LARGE"))),
        schema.get("properties"));
    assertEquals(List.of("name", "count", "price", "gift", "size"), schema.get("required"));
  }

  @Test
  void nestedTypesCannotBeAskedFor() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ElicitationForms.schema(Nested.class));
    assertTrue(e.getMessage().endsWith("Nested.order cannot be asked for: elicitation fields are strings, numbers, booleans or enums"), e.getMessage());
  }

  @Test
  void acceptedAnswersConvertToTheForm() {
    Elicitation answer =
        new Elicitation(
            Elicitation.Action.ACCEPT,
            Map.of("name", "tea", "count", 2, "price", 3.5, "gift", true, "size", "LARGE"));
    assertEquals(new Order("tea", 2, 3.5, true, Size.LARGE), answer.as(Order.class));
  }

  @Test
  void declinedAnswersHaveNoValues() {
    Elicitation declined = new Elicitation(Elicitation.Action.DECLINE, null);
    ToolException e = assertThrows(ToolException.class, () -> declined.as(Order.class));
    assertEquals("the user did not accept the request (DECLINE)", e.getMessage());
  }
}
