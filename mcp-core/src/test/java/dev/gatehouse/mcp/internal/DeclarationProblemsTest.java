package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.Completion;
import dev.gatehouse.mcp.Prompt;
import dev.gatehouse.mcp.Resource;
import dev.gatehouse.mcp.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeclarationProblemsTest {

  static final class Broken {
    @Tool(name = "bad name!", description = "invalid name")
    public String badName() {
      return "";
    }

    @Tool(description = "unsupported parameter")
    public String takesObject(Object anything) {
      return "";
    }

    @Tool(description = "unsupported nested type")
    public String takesThread(Holder holder) {
      return "";
    }

    @Resource(uri = "test://items/{id", description = "unbalanced")
    public String unbalanced(String id) {
      return "";
    }

    @Resource(uri = "test://items/{id}", description = "no parameter")
    public String noParameter() {
      return "";
    }

    @Resource(uri = "test://fixed", description = "fixed uri with argument")
    public String fixedWithArgument(String id) {
      return "";
    }

    @Prompt(description = "map argument")
    public String mapPrompt(Map<String, String> values) {
      return "";
    }

    @Completion(prompt = "nope", argument = "x")
    public List<String> unknownPrompt(String value) {
      return List.of();
    }
  }

  record Holder(Thread thread) {}

  static final class First {
    @Tool(description = "one")
    public String same() {
      return "";
    }
  }

  static final class Second {
    @Tool(description = "two")
    public String same() {
      return "";
    }
  }

  @Test
  void everyProblemIsReportedWithItsLocation() {
    List<String> problems = Fixtures.problems(new Broken());
    String all = String.join("\n", problems);
    assertEquals(8, problems.size(), all);
    assertTrue(all.contains("Broken.badName(): tool name 'bad name!' is invalid"), all);
    assertTrue(all.contains("Broken.takesObject(Object): parameter 'anything': Object carries no schema"), all);
    assertTrue(all.contains("Broken.takesThread(Holder): parameter 'holder': Holder.thread: java.lang.Thread is not supported"), all);
    assertTrue(all.contains("Broken.unbalanced(String): URI template 'test://items/{id' has unbalanced braces"), all);
    assertTrue(all.contains("Broken.noParameter(): template variable {id} has no parameter of that name"), all);
    assertTrue(all.contains("Broken.fixedWithArgument(String): parameter 'id' is not a variable of 'test://fixed' (fixed URIs take no arguments)"), all);
    assertTrue(all.contains("Broken.mapPrompt(Map): parameter 'values': this argument arrives as a string"), all);
    assertTrue(all.contains("Broken.unknownPrompt(String): @Completion refers to prompt 'nope', which is not declared"), all);
  }

  @Test
  void duplicateToolNamesNameBothPlaces() {
    List<String> problems = Fixtures.problems(new First(), new Second());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("Second.same(): tool name 'same' is already declared by"));
    assertTrue(problems.get(0).contains("First.same()"));
  }

  @Test
  void toolNamesFollowTheMcpRules() {
    assertTrue(Declarations.TOOL_NAME.matcher("get_weather.v2-beta").matches());
    assertTrue(!Declarations.TOOL_NAME.matcher("with space").matches());
    assertTrue(!Declarations.TOOL_NAME.matcher("x".repeat(129)).matches());
    assertTrue(!Declarations.TOOL_NAME.matcher("").matches());
  }
}
