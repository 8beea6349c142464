package dev.gatehouse.mcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.McpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static HttpOptions http(Map<String, String> values, List<String> problems) {
    HttpOptions[] captured = new HttpOptions[1];
    McpServer.builder("t", "1").http(h -> captured[0] = h);
    Settings.of(values).applyHttp(captured[0], problems);
    return captured[0];
  }

  @Test
  void httpSettingsOverrideTheCode() {
    List<String> problems = new ArrayList<>();
    HttpOptions http =
        http(
            Map.of(
                "GATEHOUSE_PORT", "9090",
                "GATEHOUSE_HOST", "0.0.0.0",
                "GATEHOUSE_ALLOWED_ORIGINS", "https://a.example, https://b.example",
                "GATEHOUSE_PUBLIC_URL", "https://todo.example.com/mcp"),
            problems);
    assertEquals(List.of(), problems);
    assertEquals(9090, http.port());
    assertEquals("0.0.0.0", http.host());
    assertEquals(List.of("https://a.example", "https://b.example"), http.allowedOrigins());
    assertEquals(Optional.of("https://todo.example.com/mcp"), http.publicUrl());
  }

  @Test
  void badValuesAreReported() {
    List<String> problems = new ArrayList<>();
    http(Map.of("GATEHOUSE_PORT", "eighty", "GATEHOUSE_PUBLIC_URL", "todo.example.com"), problems);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("GATEHOUSE_PORT must be a port number"));
    assertTrue(problems.get(1).startsWith("GATEHOUSE_PUBLIC_URL must be an absolute URL"));
  }

  @Test
  void authSettingsWithoutAnIssuerAreAMistake() {
    List<String> problems = new ArrayList<>();
    HttpOptions http = http(Map.of(), problems);
    Settings.of(Map.of("GATEHOUSE_AUTH_AUDIENCE", "x")).authenticator(http, problems);
    assertEquals(List.of("GATEHOUSE_AUTH_JWKS_URI and GATEHOUSE_AUTH_AUDIENCE need GATEHOUSE_AUTH_ISSUER"), problems);
  }

  @Test
  void anIssuerWithoutMcpAuthOnTheClasspathIsReported() {
    List<String> problems = new ArrayList<>();
    HttpOptions http = http(Map.of(), problems);
    Settings.of(Map.of("GATEHOUSE_AUTH_ISSUER", "https://auth.example.com")).authenticator(http, problems);
    assertEquals(
        List.of("GATEHOUSE_AUTH_ISSUER is set but no authenticator is on the classpath: add dev.gatehouse:mcp-auth"),
        problems);
  }

  @Test
  void systemPropertiesUseDottedLowerCaseNames() {
    System.setProperty("gatehouse.port", "7070");
    try {
      assertEquals(Optional.of("7070"), Settings.fromSystem().get("GATEHOUSE_PORT"));
    } finally {
      System.clearProperty("gatehouse.port");
    }
  }

  @Test
  void aTrainingRunIsAskedForWithTrueAndAnythingElseButFalseIsAProblem() {
    List<String> problems = new ArrayList<>();
    assertTrue(TrainingRun.requested(Settings.of(Map.of("GATEHOUSE_TRAINING_RUN", "true")), problems));
    assertTrue(TrainingRun.requested(Settings.of(Map.of("GATEHOUSE_TRAINING_RUN", " TRUE ")), problems));
    assertEquals(false, TrainingRun.requested(Settings.of(Map.of("GATEHOUSE_TRAINING_RUN", "false")), problems));
    assertEquals(false, TrainingRun.requested(Settings.of(Map.of()), problems));
    assertEquals(List.of(), problems);
    assertEquals(false, TrainingRun.requested(Settings.of(Map.of("GATEHOUSE_TRAINING_RUN", "yes")), problems));
    assertEquals(List.of("GATEHOUSE_TRAINING_RUN must be true or false, was 'yes'"), problems);
  }
}
