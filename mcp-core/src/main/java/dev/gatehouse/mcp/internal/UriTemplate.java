package dev.gatehouse.mcp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 6570 level-1 URI template ({@code test://items/{id}}), matched against concrete URIs.
 * A variable matches one or more characters other than {@code /}, {@code ?} and {@code #}.
 */
final class UriTemplate {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");

  private final String template;
  private final Pattern pattern;
  private final List<String> variables;

  private UriTemplate(String template, Pattern pattern, List<String> variables) {
    this.template = template;
    this.pattern = pattern;
    this.variables = List.copyOf(variables);
  }

  /** Whether {@code uri} contains template expressions. */
  static boolean isTemplate(String uri) {
    return uri.indexOf('{') >= 0 || uri.indexOf('}') >= 0;
  }

  /** Parses a template, adding a problem (and returning null) when it is malformed. */
  static UriTemplate parse(String template, String where, List<String> problems) {
    List<String> variables = new ArrayList<>();
    StringBuilder regex = new StringBuilder("^");
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    boolean ok = true;
    while (m.find()) {
      String literal = template.substring(last, m.start());
      if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
        ok = false;
      }
      regex.append(Pattern.quote(literal));
      String name = m.group(1);
      if (!NAME.matcher(name).matches()) {
        problems.add(
            where + ": URI template expression {" + name + "} in '" + template
                + "' is not supported; use simple {name} variables");
        return null;
      }
      if (variables.contains(name)) {
        problems.add(where + ": URI template '" + template + "' repeats {" + name + "}");
        return null;
      }
      variables.add(name);
      regex.append("([^/?#]+)");
      last = m.end();
    }
    String tail = template.substring(last);
    if (!ok || tail.indexOf('{') >= 0 || tail.indexOf('}') >= 0) {
      problems.add(where + ": URI template '" + template + "' has unbalanced braces");
      return null;
    }
    if (!template.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      problems.add(where + ": resource URI '" + template + "' has no scheme (e.g. 'todo://...')");
      return null;
    }
    regex.append(Pattern.quote(tail)).append('$');
    return new UriTemplate(template, Pattern.compile(regex.toString()), variables);
  }

  List<String> variables() {
    return variables;
  }

  /** The variable values, percent-decoded, or null when {@code uri} doesn't match. */
  Map<String, String> match(String uri) {
    Matcher m = pattern.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i), java.net.URLDecoder.decode(
          m.group(i + 1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
    }
    return values;
  }

  @Override
  public String toString() {
    return template;
  }
}
