package dev.gatehouse.mcp;

/**
 * Log levels of MCP log notifications (RFC 5424 severities).
 *
 * <pre>{@code
 * ctx.log(LogLevel.WARNING, "quota nearly used");
 * }</pre>
 */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY
}
