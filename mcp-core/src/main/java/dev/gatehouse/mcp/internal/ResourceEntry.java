package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.ResourceContent;
import dev.gatehouse.mcp.ToolContext;
import dev.gatehouse.mcp.ToolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A resource (fixed URI) or resource template declared with {@code @Resource}. */
public final class ResourceEntry {

  private final String uri;
  private final String name;
  private final String title;
  private final String description;
  private final String mimeType;
  private final List<String> scopes;
  private final UriTemplate template;
  private final Invoker invoker;

  ResourceEntry(
      String uri,
      String name,
      String title,
      String description,
      String mimeType,
      List<String> scopes,
      UriTemplate template,
      Invoker invoker) {
    this.uri = uri;
    this.name = name;
    this.title = title;
    this.description = description;
    this.mimeType = mimeType;
    this.scopes = List.copyOf(scopes);
    this.template = template;
    this.invoker = invoker;
  }

  /** The URI, or the URI template for templated resources. */
  public String uri() {
    return uri;
  }

  public String name() {
    return name;
  }

  /** The title, or null. */
  public String title() {
    return title;
  }

  /** The description, or null. */
  public String description() {
    return description;
  }

  /** The declared MIME type, or null. */
  public String mimeType() {
    return mimeType;
  }

  public List<String> scopes() {
    return scopes;
  }

  /** Whether this is a URI template. */
  public boolean isTemplate() {
    return template != null;
  }

  /** Whether a template matches {@code requested}. */
  public boolean matches(String requested) {
    return template == null ? uri.equals(requested) : template.match(requested) != null;
  }

  /** Reads the resource at {@code requested} (an expansion of the template, if any). */
  public List<ResourceContent> read(String requested, ToolContext context) {
    Map<String, Object> variables =
        template == null ? Map.of() : Map.copyOf(template.match(requested));
    Object value;
    try {
      value = invoker.invoke(variables, context, Json.LENIENT);
    } catch (ArgumentException | ToolException e) {
      throw e;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vme) {
        throw vme;
      }
      throw new ToolException(Failures.mask("resource", name, e));
    }
    return contents(requested, value);
  }

  private List<ResourceContent> contents(String requested, Object value) {
    if (value instanceof ResourceContent content) {
      return List.of(content);
    }
    if (value instanceof Collection<?> items
        && items.stream().allMatch(ResourceContent.class::isInstance)) {
      List<ResourceContent> list = new ArrayList<>();
      items.forEach(item -> list.add((ResourceContent) item));
      return list;
    }
    if (value instanceof byte[] bytes) {
      return List.of(
          ResourceContent.blob(
              requested, mimeType == null ? "application/octet-stream" : mimeType, bytes));
    }
    if (value instanceof String text) {
      return List.of(ResourceContent.text(requested, mimeType == null ? "text/plain" : mimeType, text));
    }
    if (value == null) {
      throw new ToolException("resource '" + name + "' has no contents at " + requested);
    }
    return List.of(
        ResourceContent.text(
            requested,
            mimeType == null ? "application/json" : mimeType,
            Json.LENIENT.writeValueAsString(value)));
  }
}
