package dev.gatehouse.bench;

import dev.gatehouse.mcp.test.HttpProbe;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens sessions that each keep their SSE stream open (the GET a client holds for server
 * messages), prints {@code OPEN <n>}, and holds them until stdin closes or the process is killed.
 * {@code bench/run} reads the server's heap while they are open.
 *
 * <pre>
 * java -cp bench.jar dev.gatehouse.bench.OpenStreams http://127.0.0.1:38297/mcp 1000
 * </pre>
 */
public final class OpenStreams {

  private OpenStreams() {}

  public static void main(String[] args) throws Exception {
    URI mcp = URI.create(args[0]);
    int count = Integer.parseInt(args[1]);
    // Raw sockets: 1,000 held streams without a client library's pool or threads in the way
    List<Socket> streams = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String session = initialize(mcp);
      Socket socket = new Socket(mcp.getHost(), mcp.getPort());
      socket.getOutputStream().write(
          ("GET " + mcp.getRawPath() + " HTTP/1.1\r\nHost: " + mcp.getRawAuthority()
                  + "\r\nAccept: text/event-stream\r\nMCP-Protocol-Version: 2025-11-25\r\nMcp-Session-Id: "
                  + session + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      streams.add(socket);
    }
    Thread.sleep(2000);
    int open = 0;
    for (Socket socket : streams) {
      socket.setSoTimeout(1);
      try {
        byte[] head = new byte[512];
        int n = socket.getInputStream().read(head);
        if (n < 0) {
          throw new IllegalStateException("the server closed a stream");
        }
        String answer = new String(head, 0, n, StandardCharsets.US_ASCII);
        if (!answer.startsWith("HTTP/1.1 200")) {
          throw new IllegalStateException("a stream was refused: " + answer.lines().findFirst().orElse(""));
        }
      } catch (SocketTimeoutException stillOpen) {
        // nothing sent yet: the stream is open and waiting for events
      }
      open++;
    }
    System.out.println("OPEN " + open);
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the streams until stdin closes
    }
  }

  /** A new, initialized session's id. */
  private static String initialize(URI mcp) {
    HttpProbe.Response init = HttpProbe.of(mcp).initialize();
    String session =
        init.header("Mcp-Session-Id").orElseThrow(() -> new IllegalStateException("no session: " + init.body()));
    HttpProbe.of(mcp).session(session).header("MCP-Protocol-Version", "2025-11-25")
        .post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }
}
