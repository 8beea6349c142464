package dev.gatehouse.mcp.internal;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.spi.Authenticator;
import dev.gatehouse.mcp.spi.AuthenticatorFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploy-time settings: each {@code GATEHOUSE_X_Y} environment variable, or its
 * {@code -Dgatehouse.x.y} system property (which wins), overrides what the code configured.
 */
public final class Settings {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp");

  /** Every setting, in documentation order. */
  public static final List<String> NAMES =
      List.of(
          "GATEHOUSE_PORT",
          "GATEHOUSE_HOST",
          "GATEHOUSE_PUBLIC_URL",
          "GATEHOUSE_ALLOWED_ORIGINS",
          "GATEHOUSE_AUTH_ISSUER",
          "GATEHOUSE_AUTH_JWKS_URI",
          "GATEHOUSE_AUTH_AUDIENCE",
          "GATEHOUSE_DATA_DIR",
          "GATEHOUSE_AUTH_ALLOW_HTTP_CLIENT_METADATA",
          "GATEHOUSE_AUTH_USERS_FILE",
          "GATEHOUSE_TRAINING_RUN");

  private final Function<String, String> lookup;

  Settings(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  /** Settings from system properties and the environment. */
  public static Settings fromSystem() {
    return new Settings(
        name -> {
          String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
          return property != null && !property.isBlank() ? property : System.getenv(name);
        });
  }

  /** Settings from a map (for tests). */
  static Settings of(Map<String, String> values) {
    return new Settings(values::get);
  }

  /** A setting's value, trimmed; empty when unset or blank. */
  public Optional<String> get(String name) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** Applies the HTTP settings to {@code http}; problems are added to {@code problems}. */
  public void applyHttp(HttpOptions http, List<String> problems) {
    get("GATEHOUSE_PORT").ifPresent(port -> {
      try {
        http.port(Integer.parseInt(port));
      } catch (IllegalArgumentException e) {
        problems.add("GATEHOUSE_PORT must be a port number 0-65535, was '" + port + "'");
      }
    });
    get("GATEHOUSE_HOST").ifPresent(http::host);
    get("GATEHOUSE_ALLOWED_ORIGINS")
        .ifPresent(origins -> http.allowedOrigins(split(origins).toArray(String[]::new)));
    get("GATEHOUSE_PUBLIC_URL").ifPresent(url -> {
      URI uri = absolute("GATEHOUSE_PUBLIC_URL", url, problems);
      if (uri != null) {
        http.publicUrl(uri.toString());
      }
    });
  }

  /**
   * The authenticator the settings ask for, if {@code GATEHOUSE_AUTH_ISSUER} is set; it replaces
   * one configured in code.
   */
  public Optional<Authenticator> authenticator(HttpOptions http, List<String> problems) {
    Optional<String> issuer = get("GATEHOUSE_AUTH_ISSUER");
    if (issuer.isEmpty()) {
      if (get("GATEHOUSE_AUTH_JWKS_URI").isPresent() || get("GATEHOUSE_AUTH_AUDIENCE").isPresent()) {
        problems.add("GATEHOUSE_AUTH_JWKS_URI and GATEHOUSE_AUTH_AUDIENCE need GATEHOUSE_AUTH_ISSUER");
      }
      return Optional.empty();
    }
    URI issuerUri = absolute("GATEHOUSE_AUTH_ISSUER", issuer.get(), problems);
    Optional<URI> jwks =
        get("GATEHOUSE_AUTH_JWKS_URI").map(v -> absolute("GATEHOUSE_AUTH_JWKS_URI", v, problems));
    URI resource =
        http.publicUrl()
            .map(URI::create)
            .orElseGet(
                () ->
                    http.port() == 0
                        ? null
                        : URI.create(
                            (http.keyStore().isPresent() || http.certificateChain().isPresent()
                                    ? "https"
                                    : "http")
                                + "://localhost:" + http.port() + http.path()));
    if (resource == null) {
      problems.add("GATEHOUSE_AUTH_ISSUER with port 0 needs GATEHOUSE_PUBLIC_URL (the URL clients use)");
      return Optional.empty();
    }
    if (issuerUri == null || jwks.map(u -> u == null).orElse(false)) {
      return Optional.empty();
    }
    List<String> audiences = get("GATEHOUSE_AUTH_AUDIENCE").map(Settings::split).orElse(List.of());
    for (AuthenticatorFactory factory :
        ServiceLoader.load(AuthenticatorFactory.class, Settings.class.getClassLoader())) {
      try {
        Optional<Authenticator> created = factory.create(issuerUri, resource, jwks, audiences);
        if (created.isPresent()) {
          LOG.info("tokens from {} are required (resource {}), set by GATEHOUSE_AUTH_ISSUER", issuerUri, resource);
          return created;
        }
      } catch (RuntimeException e) {
        problems.add("GATEHOUSE_AUTH_ISSUER: " + e.getMessage());
        return Optional.empty();
      }
    }
    problems.add("GATEHOUSE_AUTH_ISSUER is set but no authenticator is on the classpath: add dev.gatehouse:mcp-auth");
    return Optional.empty();
  }

  private static URI absolute(String name, String value, List<String> problems) {
    if (Syntax.urlProblem(value) == null) {
      return URI.create(value);
    }
    problems.add(name + " must be an absolute URL, was '" + value + "'");
    return null;
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
