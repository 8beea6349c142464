package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.McpServer;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started Jetty server with the SDK transport; closes gracefully. */
final class RunningServer implements McpServer {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.http");

  private final Server jetty;
  private final ServerConnector connector;
  private final EndpointFilter endpoint;
  private final AutoCloseable sdkServer;
  private final Consumer<String> updates;
  private final HttpOptions http;
  private final boolean tls;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final java.util.List<Runnable> onClose = new java.util.concurrent.CopyOnWriteArrayList<>();

  RunningServer(
      Server jetty,
      ServerConnector connector,
      EndpointFilter endpoint,
      AutoCloseable sdkServer,
      Consumer<String> updates,
      HttpOptions http,
      boolean tls) {
    this.jetty = jetty;
    this.connector = connector;
    this.endpoint = endpoint;
    this.sdkServer = sdkServer;
    this.updates = updates;
    this.http = http;
    this.tls = tls;
  }

  /** Runs {@code action} after Jetty has stopped. */
  void onClose(Runnable action) {
    onClose.add(action);
  }

  boolean serving() {
    return !closed.get();
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public URI url() {
    String host = http.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + http.path());
  }

  @Override
  public void notifyResourceUpdated(String uri) {
    updates.accept(java.util.Objects.requireNonNull(uri, "uri"));
  }

  @Override
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    endpoint.close();
    long deadline = System.nanoTime() + http.shutdownTimeout().toNanos();
    try {
      while (endpoint.inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (endpoint.inFlight() > 0) {
        LOG.warn("shutdown timeout: {} request(s) still running", endpoint.inFlight());
      }
      sdkServer.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("closing MCP sessions failed: {}", e.toString());
    }
    try {
      jetty.stop();
    } catch (Exception e) {
      LOG.warn("stopping Jetty failed: {}", e.toString());
    } finally {
      for (Runnable action : onClose) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("closing failed: {}", e.toString());
        }
      }
      stopped.countDown();
    }
  }
}
