package dev.gatehouse.mcp.test;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.Tool;

/** Tools with scopes, for the auth integration tests. */
public final class ScopedTools {

  @Tool(description = "Reads notes", scope = "notes:read", readOnly = true)
  public String readNotes(Caller caller) {
    return "notes of " + caller.subject();
  }

  @Tool(description = "Writes a note", scope = {"notes:read", "notes:write"})
  public String writeNote(String text, Caller caller) {
    return caller.subject() + " wrote " + text;
  }

  @Tool(description = "Open to any authenticated caller")
  public String whoami(Caller caller) {
    return caller.issuer() + "#" + caller.subject() + "@" + caller.clientId();
  }

  @Resource(uri = "notes://secret", description = "A secret note", scope = "notes:admin")
  public String secret() {
    return "secret";
  }

  @Prompt(description = "Summarizes notes", scope = "notes:read")
  public String summarize() {
    return "Summarize my notes";
  }
}
