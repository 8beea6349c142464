package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a server serves, read and validated once at start-up. */
public final class Catalog {

  private final Map<String, ToolEntry> tools = new LinkedHashMap<>();
  private final List<ResourceEntry> resources;
  private final List<PromptEntry> prompts;
  private final List<CompletionEntry> completions;

  private Catalog(Declarations d) {
    d.tools.forEach(t -> tools.put(t.name(), t));
    this.resources = List.copyOf(d.resources);
    this.prompts = List.copyOf(d.prompts);
    this.completions = List.copyOf(d.completions);
  }

  /** Reads every instance and definition; problems are added to {@code problems}. */
  public static Catalog build(
      List<Object> instances, List<ToolDefinition> definitions, List<String> problems) {
    Declarations declarations = new Declarations(problems);
    instances.forEach(declarations::read);
    definitions.forEach(declarations::define);
    declarations.finish();
    return new Catalog(declarations);
  }

  /** Every scope a tool, resource or prompt declares, in declaration order. */
  public java.util.Set<String> declaredScopes() {
    java.util.Set<String> scopes = new java.util.LinkedHashSet<>();
    tools().forEach(t -> scopes.addAll(t.scopes()));
    resources().forEach(r -> scopes.addAll(r.scopes()));
    prompts().forEach(p -> scopes.addAll(p.scopes()));
    return scopes;
  }

  public List<ToolEntry> tools() {
    return List.copyOf(tools.values());
  }

  public Optional<ToolEntry> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public List<ResourceEntry> resources() {
    return resources;
  }

  public List<PromptEntry> prompts() {
    return prompts;
  }

  public List<CompletionEntry> completions() {
    return completions;
  }
}
