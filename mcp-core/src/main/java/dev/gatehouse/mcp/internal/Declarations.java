package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.PromptMessage;
import dev.gatehouse.mcp.PromptResult;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.Tool;
import dev.gatehouse.mcp.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/** Reads annotated methods into catalog entries, collecting every problem with its location. */
final class Declarations {

  /** MCP tool names: 1-128 characters of ASCII letters, digits, '_', '-' and '.'. */
  static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  final List<ToolEntry> tools = new ArrayList<>();
  final List<ResourceEntry> resources = new ArrayList<>();
  final List<PromptEntry> prompts = new ArrayList<>();
  final List<CompletionEntry> completions = new ArrayList<>();
  private final Map<String, String> toolOrigins = new LinkedHashMap<>();
  private final Map<String, String> resourceOrigins = new LinkedHashMap<>();
  private final Map<String, String> promptOrigins = new LinkedHashMap<>();
  private final Map<String, List<String>> promptArguments = new LinkedHashMap<>();
  private final Map<String, List<String>> templateVariables = new LinkedHashMap<>();
  private final List<String> problems;

  Declarations(List<String> problems) {
    this.problems = problems;
  }

  void read(Object instance) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isBridge() && !m.isSynthetic()) {
          methods.add(m);
        }
      }
    }
    methods.sort((a, b) -> a.getName().compareTo(b.getName()));
    List<Method> completionMethods = new ArrayList<>();
    for (Method method : methods) {
      int kinds = 0;
      for (Class<? extends java.lang.annotation.Annotation> a :
          List.of(Tool.class, Resource.class, Prompt.class, Completion.class)) {
        kinds += method.isAnnotationPresent(a) ? 1 : 0;
      }
      if (kinds == 0) {
        continue;
      }
      String where = where(method);
      if (kinds > 1) {
        problems.add(where + ": a method can carry only one of @Tool, @Resource, @Prompt, @Completion");
        continue;
      }
      if (Modifier.isStatic(method.getModifiers())) {
        problems.add(where + ": annotated methods must not be static");
        continue;
      }
      if (method.isAnnotationPresent(Tool.class)) {
        readTool(instance, method, where);
      } else if (method.isAnnotationPresent(Resource.class)) {
        readResource(instance, method, where);
      } else if (method.isAnnotationPresent(Prompt.class)) {
        readPrompt(instance, method, where);
      } else {
        completionMethods.add(method);
      }
    }
    pendingCompletions.add(Map.entry(instance, completionMethods));
  }

  private final List<Map.Entry<Object, List<Method>>> pendingCompletions = new ArrayList<>();

  /** Reads completions last, once every prompt and template they refer to is known. */
  void finish() {
    for (Map.Entry<Object, List<Method>> pending : pendingCompletions) {
      for (Method method : pending.getValue()) {
        readCompletion(pending.getKey(), method, where(method));
      }
    }
    pendingCompletions.clear();
  }

  void define(ToolDefinition definition) {
    String where = "tool definition '" + definition.name() + "'";
    if (!claimToolName(definition.name(), where)) {
      return;
    }
    scopes(definition.scopes().toArray(String[]::new), where);
    if (!"object".equals(definition.inputSchema().get("type"))) {
      problems.add(where + ": inputSchema must be a JSON Schema with \"type\": \"object\"");
      return;
    }
    var check = Json.VALIDATOR.validateSchema(definition.inputSchema());
    if (!check.valid()) {
      problems.add(where + ": inputSchema is not a valid JSON Schema: " + check.errorMessage());
      return;
    }
    McpSchema.Tool descriptor =
        new McpSchema.Tool(
            definition.name(),
            definition.title().orElse(null),
            definition.description().isEmpty() ? null : definition.description(),
            new CheckedSchema(definition.inputSchema()),
            null,
            annotations(
                definition.readOnly(),
                definition.destructive(),
                definition.idempotent(),
                definition.openWorld()),
            null,
            null);
    tools.add(new DefinedTool(definition, descriptor));
  }

  private void readTool(Object instance, Method method, String where) {
    Tool tool = method.getAnnotation(Tool.class);
    String name = tool.name().isEmpty() ? method.getName() : tool.name();
    boolean named = claimToolName(name, where);
    List<ParamBinding> bindings = Parameters.read(method, where, false, problems);
    ResultShape shape = ResultShape.of(method.getGenericReturnType(), where, problems);
    if (!named || bindings == null) {
      return;
    }
    Schemas schemas = new Schemas();
    Map<String, ObjectNode> properties = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ParamBinding binding : bindings) {
      if (binding instanceof ParamBinding.Argument arg) {
        properties.put(arg.name(), schemas.schemaOf(arg.valueType()));
        descriptions.put(arg.name(), arg.description());
        if (arg.required()) {
          required.add(arg.name());
        }
      }
    }
    McpSchema.Tool descriptor =
        new McpSchema.Tool(
            name,
            blankToNull(tool.title()),
            blankToNull(tool.description()),
            schemas.objectSchema(properties, required, descriptions),
            shape.outputSchema(),
            annotations(tool.readOnly(), tool.destructive(), tool.idempotent(), tool.openWorld()),
            null,
            null);
    tools.add(
        new MethodTool(
            descriptor, scopes(tool.scope(), where), new Invoker(instance, method, bindings), shape));
  }

  private void readResource(Object instance, Method method, String where) {
    Resource resource = method.getAnnotation(Resource.class);
    String uri = resource.uri();
    UriTemplate template = null;
    int before = problems.size();
    if (UriTemplate.isTemplate(uri)) {
      template = UriTemplate.parse(uri, where, problems);
    } else if (!uri.matches("[A-Za-z][A-Za-z0-9+.-]*:.+")) {
      problems.add(where + ": resource URI '" + uri + "' is not an absolute URI (e.g. 'todo://items')");
    }
    String previous = resourceOrigins.putIfAbsent(uri, where);
    if (previous != null) {
      problems.add(where + ": resource URI '" + uri + "' is already declared by " + previous);
    }
    List<ParamBinding> bindings = Parameters.read(method, where, true, problems);
    if (bindings == null || problems.size() > before) {
      return;
    }
    List<String> variables = template == null ? List.of() : template.variables();
    List<String> args = Parameters.argumentNames(bindings);
    for (String arg : args) {
      if (!variables.contains(arg)) {
        problems.add(
            where + ": parameter '" + arg + "' is not a variable of '" + uri + "'"
                + (variables.isEmpty() ? " (fixed URIs take no arguments)" : ""));
      }
    }
    for (String variable : variables) {
      if (!args.contains(variable)) {
        problems.add(where + ": template variable {" + variable + "} has no parameter of that name");
      }
    }
    Class<?> returns = method.getReturnType();
    if (returns == void.class) {
      problems.add(where + ": a resource method must return its contents");
    }
    if (problems.size() > before) {
      return;
    }
    if (template != null) {
      templateVariables.put(uri, variables);
    }
    resources.add(
        new ResourceEntry(
            uri,
            resource.name().isEmpty() ? method.getName() : resource.name(),
            blankToNull(resource.title()),
            blankToNull(resource.description()),
            blankToNull(resource.mimeType()),
            scopes(resource.scope(), where),
            template,
            new Invoker(instance, method, bindings)));
  }

  private void readPrompt(Object instance, Method method, String where) {
    Prompt prompt = method.getAnnotation(Prompt.class);
    String name = prompt.name().isEmpty() ? method.getName() : prompt.name();
    String previous = promptOrigins.putIfAbsent(name, where);
    if (previous != null) {
      problems.add(where + ": prompt name '" + name + "' is already declared by " + previous);
    }
    List<ParamBinding> bindings = Parameters.read(method, where, true, problems);
    Type returns = method.getGenericReturnType();
    Class<?> raw = TypeSupport.raw(returns);
    boolean returnsMessages =
        Collection.class.isAssignableFrom(raw)
            && TypeSupport.raw(TypeSupport.typeArgument(returns, 0)) == PromptMessage.class;
    if (!(raw == String.class || raw == PromptMessage.class || raw == PromptResult.class
        || returnsMessages)) {
      problems.add(
          where + ": a prompt returns String, PromptMessage, List<PromptMessage> or PromptResult,"
              + " not " + returns.getTypeName());
      return;
    }
    if (bindings == null || previous != null) {
      return;
    }
    List<McpSchema.PromptArgument> arguments = new ArrayList<>();
    for (ParamBinding binding : bindings) {
      if (binding instanceof ParamBinding.Argument arg) {
        arguments.add(
            new McpSchema.PromptArgument(
                arg.name(), null, blankToNull(arg.description()), arg.required()));
      }
    }
    promptArguments.put(name, Parameters.argumentNames(bindings));
    McpSchema.Prompt descriptor =
        new McpSchema.Prompt(
            name, blankToNull(prompt.title()), blankToNull(prompt.description()), arguments, null,
            null);
    prompts.add(new PromptEntry(descriptor, scopes(prompt.scope(), where), new Invoker(instance, method, bindings)));
  }

  private void readCompletion(Object instance, Method method, String where) {
    Completion completion = method.getAnnotation(Completion.class);
    boolean forPrompt = !completion.prompt().isEmpty();
    boolean forResource = !completion.resource().isEmpty();
    if (forPrompt == forResource) {
      problems.add(where + ": @Completion needs exactly one of prompt = \"...\" or resource = \"...\"");
      return;
    }
    Class<?>[] params = method.getParameterTypes();
    boolean shapeOk =
        (params.length == 1 && params[0] == String.class)
            || (params.length == 2 && params[0] == String.class && params[1] == Map.class);
    if (!shapeOk || !Collection.class.isAssignableFrom(method.getReturnType())) {
      problems.add(
          where + ": a completion method is List<String> name(String value) or"
              + " List<String> name(String value, Map<String, String> resolved)");
      return;
    }
    List<String> known =
        forPrompt
            ? promptArguments.get(completion.prompt())
            : templateVariables.get(completion.resource());
    String target = forPrompt ? "prompt '" + completion.prompt() + "'" : "resource template '" + completion.resource() + "'";
    if (known == null) {
      problems.add(where + ": @Completion refers to " + target + ", which is not declared");
      return;
    }
    if (!known.contains(completion.argument())) {
      problems.add(
          where + ": " + target + " has no argument '" + completion.argument() + "' (it has " + known + ")");
      return;
    }
    for (CompletionEntry other : completions) {
      if (java.util.Objects.equals(other.prompt(), blankToNull(completion.prompt()))
          && java.util.Objects.equals(other.resource(), blankToNull(completion.resource()))
          && other.argument().equals(completion.argument())) {
        problems.add(where + ": " + target + " argument '" + completion.argument() + "' already has a completion");
        return;
      }
    }
    completions.add(
        new CompletionEntry(
            blankToNull(completion.prompt()), blankToNull(completion.resource()),
            completion.argument(), instance, method));
  }

  private boolean claimToolName(String name, String where) {
    if (!TOOL_NAME.matcher(name).matches()) {
      problems.add(
          where + ": tool name '" + name + "' is invalid; use 1-128 characters of A-Z, a-z, 0-9,"
              + " '_', '-' and '.'");
      return false;
    }
    String previous = toolOrigins.putIfAbsent(name, where);
    if (previous != null) {
      problems.add(where + ": tool name '" + name + "' is already declared by " + previous);
      return false;
    }
    return true;
  }

  private List<String> scopes(String[] declared, String where) {
    List<String> scopes = new ArrayList<>();
    for (String scope : declared) {
      if (!Syntax.scopeToken(scope)) {
        problems.add(where + ": scope '" + scope + "' is not a valid OAuth scope token");
      } else if (!scopes.contains(scope)) {
        scopes.add(scope);
      }
    }
    return scopes;
  }

  private static McpSchema.ToolAnnotations annotations(
      boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    if (!readOnly && destructive && !idempotent && openWorld) {
      return null;
    }
    // destructive and idempotent only mean something for tools that change things
    return new McpSchema.ToolAnnotations(
        null,
        readOnly,
        readOnly ? null : destructive,
        readOnly ? null : idempotent,
        openWorld,
        null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String where(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
