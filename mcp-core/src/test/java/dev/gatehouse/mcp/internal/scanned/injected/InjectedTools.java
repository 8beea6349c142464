package dev.gatehouse.mcp.internal.scanned.injected;

import dev.gatehouse.mcp.Tool;

/** Needs a dependency: only an instance factory can create it. */
public class InjectedTools {
  private final String greeting;

  public InjectedTools(String greeting) {
    this.greeting = greeting;
  }

  @Tool(description = "greets")
  public String greet() {
    return greeting;
  }
}
