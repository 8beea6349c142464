package dev.gatehouse.mcp.internal.scanned.plain;

/** No annotated method: scanning leaves it alone. */
public class NotATool {
  public NotATool(String required) {}

  public String ping() {
    return "ignored";
  }
}
