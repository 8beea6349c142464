package dev.gatehouse.mcp;

import dev.gatehouse.mcp.internal.Syntax;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server is reached over HTTP: address, path, allowed origins, TLS and limits. Passed to
 * {@link McpServer.Builder#http(java.util.function.Consumer)}; every value has a safe default.
 *
 * <pre>{@code
 * McpServer.builder("todo", "1.0.0")
 *     .http(http -> http.host("0.0.0.0").port(8443)
 *         .allowedOrigins("https://app.example.com")
 *         .allowedHosts("todo.example.com")
 *         .tlsPem(Path.of("cert.pem"), Path.of("key.pem")))
 *     .start();
 * }</pre>
 *
 * <p>Defaults: bind {@code 127.0.0.1:8080}, endpoint {@code /mcp}, stateful sessions, browser
 * origins refused unless listed (requests without an {@code Origin} header, as sent by
 * non-browser clients, are accepted), {@code Host} limited to loopback names plus
 * {@link #allowedHosts(String...)}, 4 MiB request bodies, 30 s graceful shutdown.
 */
public final class HttpOptions {

  private String host = "127.0.0.1";
  private int port = 8080;
  private String path = "/mcp";
  private boolean stateless;
  private final List<String> allowedOrigins = new ArrayList<>();
  private final List<String> allowedHosts = new ArrayList<>();
  private boolean hostCheck = true;
  private long maxRequestBytes = 4L * 1024 * 1024;
  private Duration shutdownTimeout = Duration.ofSeconds(30);
  private Duration keepAliveInterval = Duration.ofSeconds(30);
  private Path keyStore;
  private String keyStorePassword;
  private Path certificateChain;
  private Path privateKey;
  private String healthPath = "/health";
  private String publicUrl;
  private boolean virtualThreads = true;
  private int maxThreads = 200;

  HttpOptions() {}

  /** The address to bind: {@code 127.0.0.1} by default; {@code 0.0.0.0} for every interface. */
  public HttpOptions host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The port; {@code 0} picks a free one (see {@link McpServer#port()}). Default 8080. */
  public HttpOptions port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    this.port = port;
    return this;
  }

  /** The MCP endpoint path, {@code /mcp} by default. */
  public HttpOptions path(String path) {
    this.path = Objects.requireNonNull(path, "path");
    return this;
  }

  /**
   * Stateless mode: no sessions, every request stands alone, so any replica can answer it.
   * Server-to-client requests (elicitation, sampling) and notifications are unavailable.
   */
  public HttpOptions stateless(boolean stateless) {
    this.stateless = stateless;
    return this;
  }

  /**
   * Browser origins allowed to call the server (exact {@code scheme://host[:port]} values, or
   * {@code *} to allow any). CORS answers are sent for these.
   */
  public HttpOptions allowedOrigins(String... origins) {
    allowedOrigins.addAll(List.of(origins));
    return this;
  }

  /**
   * Extra values accepted in the {@code Host} header (a host name, or {@code host:port}), beside
   * {@code localhost}, {@code 127.0.0.1} and {@code [::1]}. Needed when clients reach the server
   * by a public name.
   */
  public HttpOptions allowedHosts(String... hosts) {
    allowedHosts.addAll(List.of(hosts));
    return this;
  }

  /**
   * Turns the {@code Host} header check (DNS-rebinding protection) off, e.g. behind a proxy that
   * already checks it. Logged as a warning at start-up.
   */
  public HttpOptions disableHostCheck() {
    this.hostCheck = false;
    return this;
  }

  /** The largest request body accepted; larger ones get 413. Default 4 MiB. */
  public HttpOptions maxRequestBytes(long maxRequestBytes) {
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    this.maxRequestBytes = maxRequestBytes;
    return this;
  }

  /** How long {@code close()} waits for in-flight calls. Default 30 s. */
  public HttpOptions shutdownTimeout(Duration shutdownTimeout) {
    this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    return this;
  }

  /** How often idle SSE streams get a ping; {@link Duration#ZERO} turns pings off. */
  public HttpOptions keepAliveInterval(Duration keepAliveInterval) {
    this.keepAliveInterval = Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
    return this;
  }

  /**
   * Whether requests run on virtual threads where the JVM has them (Java 21 and later). Default
   * {@code true}: a tool that blocks then holds no platform thread, so blocking tools cannot
   * starve the server. {@code false} runs requests on the platform-thread pool on every Java,
   * which keeps tail latency lower under heavy load on small machines when tools don't block
   * (see docs/transport.md, Threading).
   */
  public HttpOptions virtualThreads(boolean virtualThreads) {
    this.virtualThreads = virtualThreads;
    return this;
  }

  /**
   * The most platform threads serving requests (Java 17, or {@code virtualThreads(false)}): each
   * running tool holds one, so this bounds the calls in progress. Default 200, at least 8.
   */
  public HttpOptions maxThreads(int maxThreads) {
    if (maxThreads < 8) {
      throw new IllegalArgumentException("maxThreads must be at least 8 (Jetty's own tasks need some), was " + maxThreads);
    }
    this.maxThreads = maxThreads;
    return this;
  }

  /** Serves HTTPS with the key and certificate in a PKCS#12 or JKS key store. */
  public HttpOptions tls(Path keyStore, String password) {
    this.keyStore = Objects.requireNonNull(keyStore, "keyStore");
    this.keyStorePassword = Objects.requireNonNull(password, "password");
    return this;
  }

  /** Serves HTTPS with a PEM certificate chain and an unencrypted PKCS#8 PEM private key. */
  public HttpOptions tlsPem(Path certificateChain, Path privateKey) {
    this.certificateChain = Objects.requireNonNull(certificateChain, "certificateChain");
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    return this;
  }

  /**
   * The URL clients use to reach the MCP endpoint when it differs from the bound address (behind
   * a proxy or load balancer), e.g. {@code https://todo.example.com/mcp}. Its host is accepted in
   * the {@code Host} header, and it is the canonical resource URI in OAuth metadata.
   */
  public HttpOptions publicUrl(String publicUrl) {
    this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
    return this;
  }

  /** The health endpoint path, {@code /health} by default. */
  public HttpOptions healthPath(String healthPath) {
    this.healthPath = Objects.requireNonNull(healthPath, "healthPath");
    return this;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String path() {
    return path;
  }

  public boolean stateless() {
    return stateless;
  }

  public List<String> allowedOrigins() {
    return List.copyOf(allowedOrigins);
  }

  public List<String> allowedHosts() {
    return List.copyOf(allowedHosts);
  }

  public boolean hostCheck() {
    return hostCheck;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  public Duration keepAliveInterval() {
    return keepAliveInterval;
  }

  public boolean virtualThreads() {
    return virtualThreads;
  }

  public int maxThreads() {
    return maxThreads;
  }

  public Optional<Path> keyStore() {
    return Optional.ofNullable(keyStore);
  }

  public Optional<String> keyStorePassword() {
    return Optional.ofNullable(keyStorePassword);
  }

  public Optional<Path> certificateChain() {
    return Optional.ofNullable(certificateChain);
  }

  public Optional<Path> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  public String healthPath() {
    return healthPath;
  }

  public Optional<String> publicUrl() {
    return Optional.ofNullable(publicUrl);
  }

  /** Problems with these options, for the start-up report. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
      problems.add("http path must start with '/' and not end with '/': '" + path + "'");
    }
    if (!healthPath.startsWith("/") || healthPath.equals(path)) {
      problems.add("health path must start with '/' and differ from the MCP path: '" + healthPath + "'");
    }
    if (keyStore != null && certificateChain != null) {
      problems.add("configure TLS with a key store or with PEM files, not both");
    }
    if (publicUrl != null) {
      String urlProblem = Syntax.urlProblem(publicUrl);
      if ("is not a valid URI".equals(urlProblem)) {
        problems.add("public URL is not a valid URI: '" + publicUrl + "'");
      } else if (urlProblem != null || publicUrl.endsWith("/")) {
        problems.add("public URL must be an absolute URL without a trailing '/': '" + publicUrl + "'");
      }
    }
    for (String origin : allowedOrigins) {
      if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
        problems.add("allowed origin must be scheme://host[:port] or '*': '" + origin + "'");
      }
    }
    return problems;
  }
}
