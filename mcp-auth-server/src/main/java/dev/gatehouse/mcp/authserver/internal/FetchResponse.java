package dev.gatehouse.mcp.authserver.internal;

import dev.gatehouse.mcp.authserver.internal.MetadataFetcher.FetchException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal HTTP/1.1 response reader for {@link MetadataFetcher}: status line, header fields
 * (bounded in size and number), and a body framed by {@code Content-Length}, chunked transfer
 * coding or the connection closing, never longer than a limit. Also works out how long the
 * response stays fresh (RFC 9111).
 *
 * <pre>{@code
 * InputStream in = FetchResponse.withDeadline(socket, socket.getInputStream(), deadlineNanos);
 * FetchResponse response = FetchResponse.read(in);
 * byte[] body = response.body(64 * 1024);
 * }</pre>
 */
final class FetchResponse {

  private static final int MAX_LINE = 8 * 1024;
  private static final int MAX_HEAD = 32 * 1024;
  private static final int MAX_FIELDS = 100;
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[0-9] ([0-9]{3})(?: .*)?");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private final int status;
  private final Map<String, List<String>> fields;
  private final InputStream in;
  private int headBytes;

  private FetchResponse(int status, Map<String, List<String>> fields, InputStream in, int headBytes) {
    this.status = status;
    this.fields = fields;
    this.in = in;
    this.headBytes = headBytes;
  }

  /** Reads the status line and header fields, skipping interim (1xx) responses. */
  static FetchResponse read(InputStream stream) throws IOException, FetchException {
    InputStream in = new BufferedInputStream(stream);
    int[] used = {0};
    while (true) {
      String statusLine = line(in, used);
      if (statusLine == null) {
        throw new FetchException("the server closed the connection without a response");
      }
      Matcher matcher = STATUS_LINE.matcher(statusLine);
      if (!matcher.matches()) {
        throw malformed();
      }
      int status = Integer.parseInt(matcher.group(1));
      Map<String, List<String>> fields = fields(in, used);
      if (status >= 200) {
        return new FetchResponse(status, fields, in, used[0]);
      }
    }
  }

  int status() {
    return status;
  }

  /** The field's first value, or {@code null}. */
  String first(String name) {
    List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : values.get(0);
  }

  /** The field's values joined with commas (RFC 9110 section 5.3), or {@code null}. */
  String joined(String name) {
    List<String> values = fields.get(name.toLowerCase(Locale.ROOT));
    return values == null ? null : String.join(", ", values);
  }

  /** The body, at most {@code maxBytes} long. */
  byte[] body(int maxBytes) throws IOException, FetchException {
    String transferCoding = joined("transfer-encoding");
    if (transferCoding != null) {
      if (!transferCoding.trim().equalsIgnoreCase("chunked")) {
        throw new FetchException("unsupported transfer coding");
      }
      return chunked(maxBytes);
    }
    String contentLength = joined("content-length");
    if (contentLength != null) {
      long length = -1;
      for (String value : contentLength.split(",", -1)) {
        String v = value.trim();
        if (!DIGITS.matcher(v).matches()) {
          throw malformed();
        }
        long parsed = v.length() > 18 ? Long.MAX_VALUE : Long.parseLong(v);
        if (length != -1 && parsed != length) {
          throw malformed();
        }
        length = parsed;
      }
      if (length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      byte[] body = in.readNBytes((int) length);
      if (body.length < length) {
        throw truncated();
      }
      return body;
    }
    byte[] body = in.readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    return body;
  }

  private byte[] chunked(int maxBytes) throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] used = {headBytes};
    while (true) {
      String sizeLine = line(in, used);
      if (sizeLine == null) {
        throw truncated();
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      if (!HEX.matcher(hex).matches()) {
        throw malformed();
      }
      String significant = hex.replaceFirst("^0+(?=.)", "");
      if (significant.length() > 8) {
        throw tooLarge(maxBytes);
      }
      long size = Long.parseLong(significant, 16);
      if (size == 0) {
        break;
      }
      if (out.size() + size > maxBytes) {
        throw tooLarge(maxBytes);
      }
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length < size) {
        throw truncated();
      }
      out.write(chunk);
      String end = line(in, used);
      if (end == null) {
        throw truncated();
      }
      if (!end.isEmpty()) {
        throw malformed();
      }
    }
    // trailer fields, read and dropped; a connection closed right after the last chunk is fine
    int fieldCount = 0;
    String trailer;
    while ((trailer = line(in, used)) != null && !trailer.isEmpty()) {
      if (++fieldCount > MAX_FIELDS) {
        throw new FetchException("response header too large");
      }
    }
    headBytes = used[0];
    return out.toByteArray();
  }

  /**
   * How long the response stays fresh: {@code no-store} or {@code no-cache} make it zero, else
   * {@code max-age}, else {@code Expires} (relative to {@code Date}, else {@code now}), else
   * {@code byDefault}; less the {@code Age} it already has, and never more than {@code cap}.
   */
  Duration freshFor(Instant now, Duration byDefault, Duration cap) {
    Duration fresh = lifetime(now, byDefault).minusSeconds(deltaSeconds(first("age"), 0));
    if (fresh.isNegative()) {
      return Duration.ZERO;
    }
    return fresh.compareTo(cap) > 0 ? cap : fresh;
  }

  private Duration lifetime(Instant now, Duration byDefault) {
    String cacheControl = joined("cache-control");
    if (cacheControl != null) {
      Long maxAge = null;
      for (String directive : cacheControl.split(",")) {
        String d = directive.trim();
        int equals = d.indexOf('=');
        String name = (equals < 0 ? d : d.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
        if (name.equals("no-store") || name.equals("no-cache")) {
          return Duration.ZERO;
        }
        if (name.equals("max-age") && maxAge == null) {
          String value = equals < 0 ? "" : d.substring(equals + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          maxAge = deltaSeconds(value, 0); // an invalid max-age makes the response stale
        }
      }
      if (maxAge != null) {
        return Duration.ofSeconds(maxAge);
      }
    }
    String expires = first("expires");
    if (expires != null) {
      Instant until = httpDate(expires);
      if (until == null) {
        return Duration.ZERO; // an invalid Expires means "already expired" (RFC 9111 section 5.3)
      }
      Instant date = httpDate(first("date"));
      return Duration.between(date != null ? date : now, until);
    }
    return byDefault;
  }

  /** An input stream that fails once {@code deadlineNanos} ({@link System#nanoTime()}) passes. */
  static InputStream withDeadline(Socket socket, InputStream in, long deadlineNanos) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        socket.setSoTimeout(remainingMillis(deadlineNanos));
        int n = in.read(b, off, len);
        if (System.nanoTime() - deadlineNanos > 0) {
          throw new SocketTimeoutException("deadline passed");
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  /** The milliseconds left until {@code deadlineNanos}, at least 1 (0 would mean "forever"). */
  static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis()));
  }

  private static Map<String, List<String>> fields(InputStream in, int[] used)
      throws IOException, FetchException {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    int count = 0;
    while (true) {
      String line = line(in, used);
      if (line == null) {
        throw new FetchException("the server closed the connection in the middle of the response");
      }
      if (line.isEmpty()) {
        return fields;
      }
      if (++count > MAX_FIELDS) {
        throw new FetchException("response header too large");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw malformed(); // also obsolete line folding
      }
      String name = line.substring(0, colon);
      if (name.indexOf(' ') >= 0 || name.indexOf('\t') >= 0) {
        throw malformed();
      }
      fields
          .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
  }

  /**
   * One line without its CRLF (a bare LF is tolerated), or {@code null} at the end of the stream.
   * {@code used[0]} counts the bytes read for the head, which may not exceed {@link #MAX_HEAD}.
   */
  private static String line(InputStream in, int[] used) throws IOException, FetchException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new FetchException("the server closed the connection in the middle of the response");
      }
      if (++used[0] > MAX_HEAD || line.size() >= MAX_LINE) {
        throw new FetchException("response header too large");
      }
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      }
      line.write(c);
    }
  }

  private static long deltaSeconds(String value, long invalid) {
    if (value == null || !DIGITS.matcher(value).matches()) {
      return invalid;
    }
    // RFC 9111 section 1.2.2: too large a value is taken as 2^31
    return value.length() > 10 ? 1L << 31 : Math.min(Long.parseLong(value), 1L << 31);
  }

  private static Instant httpDate(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static FetchException malformed() {
    return new FetchException("malformed HTTP response");
  }

  private static FetchException truncated() {
    return new FetchException("the server closed the connection before the whole document was sent");
  }

  private static FetchException tooLarge(int maxBytes) {
    return new FetchException("the document is larger than " + maxBytes + " bytes");
  }
}
