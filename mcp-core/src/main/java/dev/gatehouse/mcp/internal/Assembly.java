package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.McpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link ServerSpec} into a running server, or one exception listing every problem. */
public final class Assembly {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp");

  private Assembly() {}

  public static McpServer start(ServerSpec spec, List<String> problems) {
    List<Object> instances = new ArrayList<>(spec.instances());
    instances.addAll(Scanner.scan(spec.packages(), spec.instanceFactory(), problems));
    Catalog catalog = Catalog.build(instances, spec.definitions(), problems);
    if (instances.isEmpty() && spec.definitions().isEmpty()) {
      problems.add(
          "nothing to serve: register tool objects with tools(...), scan(\"your.package\")"
              + " or tool(ToolDefinition)");
    }
    if (!problems.isEmpty()) {
      throw new McpException(report(problems));
    }
    warnAboutMissingDescriptions(catalog);
    return launcher().launch(spec, catalog);
  }

  /** Models pick tools and prompts by their descriptions; some clients refuse them without. */
  private static void warnAboutMissingDescriptions(Catalog catalog) {
    for (ToolEntry tool : catalog.tools()) {
      if (tool.descriptor().description() == null) {
        LOG.warn("tool '{}' has no description; models choose tools by their descriptions", tool.name());
      }
    }
    for (PromptEntry prompt : catalog.prompts()) {
      if (prompt.descriptor().description() == null) {
        LOG.warn("prompt '{}' has no description", prompt.name());
      }
    }
  }

  static String report(List<String> problems) {
    StringBuilder message =
        new StringBuilder("Gatehouse cannot start: ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
    for (String problem : problems) {
      message.append("\n  - ").append(problem);
    }
    return message.toString();
  }

  private static Launcher launcher() {
    return ServiceLoader.load(Launcher.class, Assembly.class.getClassLoader())
        .findFirst()
        .orElseThrow(
            () ->
                new McpException(
                    "no transport on the classpath: add the dependency"
                        + " dev.gatehouse:mcp-transport-http"));
  }
}
