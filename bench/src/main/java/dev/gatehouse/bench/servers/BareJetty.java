package dev.gatehouse.bench.servers;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty 12 with Jetty's defaults (a 200-thread pool of platform threads) serving one servlet at
 * {@code /mcp} on 127.0.0.1: the setup the baseline servers share.
 */
final class BareJetty {

  private BareJetty() {}

  /**
   * Serves {@code servlet}, prints {@code READY <url>}, and blocks until stopped. On shutdown
   * {@code beforeStop} runs first.
   */
  static void serve(HttpServlet servlet, int port, Runnable beforeStop) throws Exception {
    Server jetty = new Server(new QueuedThreadPool());
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder("mcp", servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/mcp");
    jetty.setHandler(context);
    jetty.start();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        beforeStop.run();
      } catch (RuntimeException ignored) {
        // exiting anyway
      }
      try {
        jetty.stop();
      } catch (Exception ignored) {
        // exiting anyway
      }
    }));
    System.out.println("READY http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    System.out.flush();
    jetty.join();
  }
}
