package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.McpServer;
import dev.gatehouse.mcp.auth.ProtectedResourceMetadata;
import dev.gatehouse.mcp.internal.Cancellations;
import dev.gatehouse.mcp.internal.Catalog;
import dev.gatehouse.mcp.internal.Json;
import dev.gatehouse.mcp.internal.Launcher;
import dev.gatehouse.mcp.internal.RequestKeys;
import dev.gatehouse.mcp.internal.SdkServers;
import dev.gatehouse.mcp.internal.ServerSpec;
import dev.gatehouse.mcp.spi.HttpEndpoints;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Jetty with the SDK's servlet transport behind Gatehouse's filters. */
public final class JettyLauncher implements Launcher {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.http");

  /** The protocol versions the SDK transport speaks (checked against MCP-Protocol-Version). */
  static final List<String> PROTOCOL_VERSIONS = List.of("2025-03-26", "2025-06-18", "2025-11-25");

  @Override
  public McpServer launch(ServerSpec spec, Catalog catalog) {
    HttpOptions http = spec.http();
    boolean loopback = isLoopback(http.host());
    if (!http.hostCheck()) {
      LOG.warn("Host header check is OFF (disableHostCheck): DNS-rebinding protection disabled");
    }
    if (http.allowedOrigins().contains("*")) {
      LOG.warn("allowedOrigins(\"*\"): any web page may call this server from a browser");
    }
    Cancellations cancellations = new Cancellations();
    McpTransportContextExtractor<HttpServletRequest> extractor = JettyLauncher::transportContext;
    int maxBytes = (int) Math.min(Integer.MAX_VALUE, http.maxRequestBytes());

    HttpServlet servlet;
    AutoCloseable sdkServer;
    java.util.function.Consumer<String> updates;
    if (http.stateless()) {
      HttpServletStatelessServerTransport transport =
          HttpServletStatelessServerTransport.builder()
              .jsonMapper(Json.MCP)
              .messageEndpoint(http.path())
              .contextExtractor(extractor)
              .maxRequestSize(maxBytes)
              .build();
      var server = SdkServers.stateless(transport, spec, catalog);
      servlet = transport;
      sdkServer = server::closeGracefully;
      updates = uri -> LOG.debug("stateless server: no subscriptions to notify for {}", uri);
    } else {
      Duration keepAlive = http.keepAliveInterval().isZero() ? null : http.keepAliveInterval();
      HttpServletStreamableServerTransportProvider transport =
          HttpServletStreamableServerTransportProvider.builder()
              .jsonMapper(Json.MCP)
              .mcpEndpoint(http.path())
              .contextExtractor(extractor)
              .keepAliveInterval(keepAlive)
              .maxRequestSize(maxBytes)
              .build();
      var server = SdkServers.stateful(transport, spec, catalog, cancellations);
      servlet = transport;
      sdkServer = server::closeGracefully;
      updates =
          uri ->
              server.notifyResourcesUpdated(
                  new io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification(uri, null));
    }

    AuthGate gate = null;
    java.util.concurrent.atomic.AtomicReference<RunningServer> runningRef =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.function.Supplier<ProtectedResourceMetadata> metadata = null;
    if (spec.authenticator() != null) {
      // built once, on first use: the server's own URL (a fallback resource) is known after start
      java.util.concurrent.atomic.AtomicReference<ProtectedResourceMetadata> built =
          new java.util.concurrent.atomic.AtomicReference<>();
      metadata =
          () ->
              built.updateAndGet(
                  m -> m != null ? m : resourceMetadata(spec, catalog, runningRef.get().url()));
      java.util.function.Supplier<ProtectedResourceMetadata> m = metadata;
      gate =
          new AuthGate(
              spec.authenticator(),
              catalog,
              () -> m.get().metadataUrl(),
              spec.authOptions().filterLists(),
              spec.authOptions().challengeScopes());
      if (!spec.authOptions().filterLists()) {
        LOG.warn("auth: list filtering is OFF (filterLists(false)): every caller sees every tool; calls are still enforced");
      }
    }
    EndpointFilter endpoint =
        new EndpointFilter(
            PROTOCOL_VERSIONS,
            http.maxRequestBytes(),
            http.stateless(),
            cancellations,
            catalog.tools().stream().map(t -> t.name()).collect(java.util.stream.Collectors.toSet()),
            gate);
    List<String> hosts = new java.util.ArrayList<>(http.allowedHosts());
    http.publicUrl().map(java.net.URI::create).ifPresent(u -> hosts.add(u.getRawAuthority()));
    http.publicUrl().map(java.net.URI::create).ifPresent(u -> hosts.add(u.getHost()));
    OriginPolicy policy = new OriginPolicy(hosts, http.hostCheck(), http.allowedOrigins(), loopback);

    Server jetty = new Server(threadPool(http));
    Optional<SslContextFactory.Server> tls = Tls.of(http);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setHeaderCacheSize(HEADER_CACHE_CHARS);
    if (tls.isPresent()) {
      config.addCustomizer(new SecureRequestCustomizer(false));
    }
    ServerConnector connector = connector(jetty, tls, config, http.host(), http.port(), "mcp");

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    RunningServer running =
        new RunningServer(jetty, connector, endpoint, sdkServer, updates, http, tls.isPresent());
    runningRef.set(running);
    java.util.Set<String> publicPaths = new java.util.LinkedHashSet<>();
    if (metadata != null) {
      java.util.function.Supplier<ProtectedResourceMetadata> m = metadata;
      ServletHolder prm = new ServletHolder("resource-metadata", new ResourceMetadataServlet(m));
      for (String path : wellKnownPaths(spec, http)) {
        context.addServlet(prm, path);
        publicPaths.add(path);
      }
    }
    HttpEndpoints extra =
        spec.authenticator() instanceof HttpEndpoints endpoints ? endpoints : null;
    java.util.Set<String> pagePaths = new java.util.LinkedHashSet<>();
    java.util.concurrent.atomic.AtomicBoolean extraReady = new java.util.concurrent.atomic.AtomicBoolean();
    // an authenticator's routes live beside the MCP endpoint, or on a port of their own
    ServletContextHandler extraContext = context;
    ServerConnector extraConnector = null;
    java.util.Set<String> extraPublic = publicPaths;
    java.util.Set<String> extraPages = pagePaths;
    if (extra != null && extra.port().isPresent()) {
      extraConnector = connector(jetty, tls, config, http.host(), extra.port().getAsInt(), "authorization-server");
      context.setVirtualHosts(List.of("@mcp"));
      extraContext = new ServletContextHandler();
      extraContext.setContextPath("/");
      extraContext.setVirtualHosts(List.of("@authorization-server"));
      extraPublic = new java.util.LinkedHashSet<>();
      extraPages = new java.util.LinkedHashSet<>();
    }
    if (extra != null) {
      ServletHolder holder =
          new ServletHolder("authorization-server", new EndpointsServlet(extra, http.maxRequestBytes(), extraReady::get));
      for (HttpEndpoints.Route route : extra.routes()) {
        extraContext.addServlet(holder, route.path());
        (route.access() == HttpEndpoints.Access.CORS ? extraPublic : extraPages).add(route.path());
      }
      running.onClose(extra::stop);
    }
    if (extraContext != context) {
      FilterHolder extraOrigin = new FilterHolder(new OriginFilter(policy, http.healthPath(), extraPublic, extraPages));
      extraOrigin.setAsyncSupported(true);
      extraContext.addFilter(extraOrigin, "/*", EnumSet.of(DispatcherType.REQUEST));
      extraContext.setErrorHandler(new JsonErrorHandler());
    }
    context.addServlet(new ServletHolder("health", new HealthServlet(running::serving)), http.healthPath());
    ServletHolder mcp = new ServletHolder("mcp", servlet);
    mcp.setAsyncSupported(true);
    context.addServlet(mcp, http.path());
    FilterHolder origin = new FilterHolder(new OriginFilter(policy, http.healthPath(), publicPaths, pagePaths));
    origin.setAsyncSupported(true);
    context.addFilter(origin, "/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder guard = new FilterHolder(endpoint);
    guard.setAsyncSupported(true);
    context.addFilter(guard, http.path(), EnumSet.of(DispatcherType.REQUEST));
    context.setErrorHandler(new JsonErrorHandler());
    jetty.setErrorHandler(new JsonErrorHandler());
    jetty.setHandler(
        extraContext == context
            ? context
            : new org.eclipse.jetty.server.handler.ContextHandlerCollection(context, extraContext));
    jetty.setStopTimeout(http.shutdownTimeout().toMillis());

    try {
      jetty.start();
    } catch (Exception e) {
      try {
        jetty.stop();
        sdkServer.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new McpException(
          "cannot start HTTP server on " + http.host() + ":" + http.port() + ": " + e.getMessage(), e);
    }
    if (extra != null) {
      try {
        // not the cached metadata: it names the issuer, known only once this has started
        ProtectedResourceMetadata prm = resourceMetadata(spec, catalog, running.url());
        java.net.URI base = baseUrl(http, running.url());
        if (base.getScheme().equals("http") && !loopback) {
          throw new McpException(
              "an authenticator serving its own endpoints (the embedded authorization server) needs https"
                  + " or a loopback bind; bound to " + http.host() + " over plain http. Serve TLS, or set"
                  + " GATEHOUSE_PUBLIC_URL to the https URL of the proxy in front and bind to loopback");
        }
        if (extraConnector != null) {
          base = java.net.URI.create(base.getScheme() + "://" + base.getHost() + ":" + extraConnector.getLocalPort());
        }
        extra.start(
            base,
            prm.resource(),
            prm.scopesSupported(),
            spec.title() != null ? spec.title() : spec.name());
        extraReady.set(true);
      } catch (RuntimeException e) {
        running.close();
        throw e;
      }
    }
    LOG.info(
        "MCP server '{}' {} serving {} ({}, {} tools, {} resources, {} prompts)",
        spec.name(),
        spec.version(),
        running.url(),
        http.stateless() ? "stateless" : "stateful",
        catalog.tools().size(),
        catalog.resources().size(),
        catalog.prompts().size());
    return running;
  }

  /** RFC 9728 metadata: the canonical resource, its issuers, and every declared scope. */
  private static ProtectedResourceMetadata resourceMetadata(ServerSpec spec, Catalog catalog, java.net.URI url) {
    java.util.Set<String> scopes = new java.util.LinkedHashSet<>(spec.authOptions().scopesSupported());
    if (scopes.isEmpty()) {
      scopes.addAll(catalog.declaredScopes());
    }
    return new ProtectedResourceMetadata(
        spec.authenticator()
            .resource()
            .orElse(spec.http().publicUrl().map(java.net.URI::create).orElse(url)),
        spec.authenticator().authorizationServers(),
        List.copyOf(scopes),
        spec.authOptions().resourceName().orElse(spec.title() != null ? spec.title() : spec.name()),
        spec.authOptions().resourceDocumentation().map(java.net.URI::create).orElse(null));
  }

  private static ServerConnector connector(
      Server jetty, Optional<SslContextFactory.Server> tls, HttpConfiguration config, String host, int port, String name) {
    ServerConnector connector =
        tls.isPresent()
            ? new ServerConnector(jetty, new SslConnectionFactory(tls.get(), "http/1.1"), new HttpConnectionFactory(config))
            : new ServerConnector(jetty, new HttpConnectionFactory(config));
    connector.setHost(host);
    connector.setPort(port);
    connector.setName(name);
    jetty.addConnector(connector);
    return connector;
  }

  /** The public origin: the configured public URL's, else the bound one's. */
  private static java.net.URI baseUrl(HttpOptions http, java.net.URI url) {
    java.net.URI u = http.publicUrl().map(java.net.URI::create).orElse(url);
    return java.net.URI.create(u.getScheme() + "://" + u.getRawAuthority());
  }

  /** Both well-known paths: the root one and the one suffixed with the resource's path. */
  private static List<String> wellKnownPaths(ServerSpec spec, HttpOptions http) {
    String suffix =
        spec.authenticator()
            .resource()
            .or(() -> http.publicUrl().map(java.net.URI::create))
            .map(java.net.URI::getRawPath)
            .filter(p -> !p.isEmpty())
            .orElse(http.path());
    return List.of(
        "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource" + suffix);
  }

  private static McpTransportContext transportContext(HttpServletRequest request) {
    Map<String, Object> values = new HashMap<>(4);
    Object id = request.getAttribute(RequestKeys.REQUEST_ID);
    if (id != null) {
      values.put(RequestKeys.REQUEST_ID, id);
    }
    Object caller = request.getAttribute(RequestKeys.CALLER);
    if (caller != null) {
      values.put(RequestKeys.CALLER, caller);
    }
    return values.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(values);
  }

  /**
   * Jetty caches the header fields a connection repeats, 1,024 characters' worth by default, and
   * then matches each new header against the cache character by character. A bearer token (a
   * 700-character RS256 JWT, say) fits, and matching it cost more than parsing it: 19 % of the
   * CPU under load here, about 10 % of the throughput. 512 keeps the short fields a client
   * repeats (Host, Content-Type, Accept, the MCP headers) and leaves tokens out.
   */
  private static final int HEADER_CACHE_CHARS = 512;

  /**
   * Unless told, Jetty asks the JMX platform server whether object pointers are compressed, which
   * loads about 300 JMX classes at start-up (~0.15 s here) to size the padding of a few arrays. 16
   * references per 64-byte cache line is right for compressed pointers (the default below 32 GB
   * of heap) and merely pads more otherwise.
   */
  private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  private static QueuedThreadPool threadPool(HttpOptions http) {
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
    }
    QueuedThreadPool pool = new QueuedThreadPool(http.maxThreads(), 8);
    pool.setName("gatehouse-http");
    Executor virtual = http.virtualThreads() ? VirtualThreads.getDefaultVirtualThreadsExecutor() : null;
    if (virtual != null) {
      pool.setVirtualThreadsExecutor(virtual);
      LOG.debug("requests run on virtual threads");
    } else {
      LOG.debug("requests run on up to {} platform threads", http.maxThreads());
    }
    return pool;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
