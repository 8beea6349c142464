package dev.gatehouse.mcp.http;

import dev.gatehouse.mcp.Tool;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tools the transport tests call. */
public final class EchoTools {

  final CountDownLatch slowStarted = new CountDownLatch(1);
  volatile String lastThread;
  volatile boolean lastThreadVirtual;

  @Tool(description = "Echoes its input")
  public String echo(String text) {
    lastThread = Thread.currentThread().getName();
    lastThreadVirtual = isVirtual(Thread.currentThread());
    return text;
  }

  /** {@code Thread.isVirtual()} exists from Java 21; this code is compiled for 17. */
  static boolean isVirtual(Thread thread) {
    try {
      return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Tool(description = "Takes a while, then answers")
  public String slow(int millis) throws InterruptedException {
    slowStarted.countDown();
    TimeUnit.MILLISECONDS.sleep(millis);
    return "slept " + millis;
  }

  @Tool(description = "Runs until the client cancels it (at most 10 s)")
  public String untilCancelled(dev.gatehouse.mcp.ToolContext ctx) throws InterruptedException {
    slowStarted.countDown();
    for (int i = 0; i < 500; i++) {
      if (ctx.isCancelled()) {
        return "noticed cancellation";
      }
      Thread.sleep(20);
    }
    return "never cancelled";
  }

  @Tool(description = "Always crashes")
  public String crash() {
    throw new IllegalStateException("internal detail that must not leak");
  }
}
