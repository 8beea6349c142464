package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.Elicitation;
import dev.gatehouse.mcp.LogLevel;
import dev.gatehouse.mcp.Sampling;
import dev.gatehouse.mcp.ToolContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers shared by the core unit tests. */
final class Fixtures {

  private Fixtures() {}

  static Catalog catalog(Object... instances) {
    List<String> problems = new ArrayList<>();
    Catalog catalog = Catalog.build(List.of(instances), List.of(), problems);
    if (!problems.isEmpty()) {
      throw new AssertionError("unexpected problems: " + problems);
    }
    return catalog;
  }

  static List<String> problems(Object... instances) {
    List<String> problems = new ArrayList<>();
    Catalog.build(List.of(instances), List.of(), problems);
    return problems;
  }

  /** A context that records what a tool sends to the client. */
  static final class RecordingContext implements ToolContext {
    final List<String> logs = new ArrayList<>();
    final List<Double> progress = new ArrayList<>();
    Caller caller = Caller.anonymous();

    @Override
    public Caller caller() {
      return caller;
    }

    @Override
    public Optional<String> sessionId() {
      return Optional.of("test-session");
    }

    @Override
    public void progress(double value, double total, String message) {
      progress.add(value);
    }

    @Override
    public void log(LogLevel level, String message) {
      logs.add(level + ":" + message);
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) {
      return new Elicitation(Elicitation.Action.DECLINE, Map.of());
    }

    @Override
    public Sampling.Result sample(Sampling request) {
      return new Sampling.Result(dev.gatehouse.mcp.Role.ASSISTANT, "sampled", "test", null);
    }
  }
}
