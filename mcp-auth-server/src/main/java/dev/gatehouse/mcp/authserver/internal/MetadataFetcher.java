package dev.gatehouse.mcp.authserver.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, MCP
 * 2025-11-25): a {@code client_id} that is an https URL names a JSON document the authorization
 * server fetches. Since anyone can make the server fetch any URL this way, the fetch is hardened
 * against server-side request forgery:
 *
 * <ul>
 *   <li>https only, with a path, without fragment, user info or dot segments ({@link #urlProblem});
 *   <li>the host name is resolved here, and refused if <em>any</em> of its addresses is not
 *       publicly routable ({@link FetchPolicy}); the connection then goes to a checked address
 *       (no second lookup), while TLS (SNI, certificate host name check) and the {@code Host}
 *       header use the URL's host name;
 *   <li>no redirects; connect and total read timeouts; a body size limit; a JSON content type.
 * </ul>
 *
 * <p>The development switch {@code allowHttpLoopback} additionally permits loopback addresses,
 * and plain http to hosts that resolve only to loopback.
 *
 * <pre>{@code
 * MetadataFetcher fetcher = new MetadataFetcher();
 * MetadataFetcher.Fetched doc = fetcher.fetch(URI.create("https://app.example.com/client.json"));
 * cache.put(url, doc.body(), now.plus(doc.freshFor()));
 * }</pre>
 */
public final class MetadataFetcher {

  private static final Logger LOG = LoggerFactory.getLogger(MetadataFetcher.class);

  /** How long a document stays fresh when its response says nothing about caching. */
  public static final Duration DEFAULT_FRESHNESS = Duration.ofMinutes(5);

  /** The longest a document is considered fresh, whatever its response says. */
  public static final Duration MAX_FRESHNESS = Duration.ofHours(24);

  /** The default connect timeout, and the default limit on the whole exchange after connecting. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** The default largest document accepted. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  private static final int MAX_ADDRESSES_TRIED = 3;
  private static final String USER_AGENT = "Gatehouse-MCP-AuthServer (client metadata fetcher)";

  /**
   * A fetched document.
   *
   * @param body the document, decoded as UTF-8 (not yet parsed)
   * @param freshFor how long it may be used without fetching again (zero: not at all)
   */
  public record Fetched(String body, Duration freshFor) {}

  /** Resolves a host name to its addresses; {@link InetAddress#getAllByName} in production. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * Why a document could not be fetched. The message is safe to send to the client as an
   * {@code error_description}: no stack traces, no resolved addresses.
   */
  public static final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    public FetchException(String message) {
      super(message);
    }

    public FetchException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final boolean allowHttpLoopback;
  private final Resolver resolver;
  private final FetchPolicy policy;
  private final SocketFactory sockets;
  private final SSLSocketFactory tls;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxBytes;
  private final Clock clock;
  private final AtomicBoolean warnedHttp = new AtomicBoolean();

  /** A fetcher with production defaults: https to public addresses only. */
  public MetadataFetcher() {
    this(false);
  }

  /**
   * A fetcher with default timeouts (5 s) and size limit (64 KiB).
   *
   * @param allowHttpLoopback development only: also permit loopback addresses, and plain http to
   *     hosts that resolve only to loopback
   */
  public MetadataFetcher(boolean allowHttpLoopback) {
    this(allowHttpLoopback, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
  }

  /**
   * A fetcher with the given limits.
   *
   * @param allowHttpLoopback development only: also permit loopback addresses, and plain http to
   *     hosts that resolve only to loopback
   * @param connectTimeout the limit on establishing the TCP connection
   * @param readTimeout the limit on everything after connecting: TLS handshake, request and the
   *     whole response (a total, not per read)
   * @param maxBytes the largest document accepted
   */
  public MetadataFetcher(boolean allowHttpLoopback, Duration connectTimeout, Duration readTimeout, int maxBytes) {
    this(allowHttpLoopback, InetAddress::getAllByName, null, connectTimeout, readTimeout, maxBytes);
  }

  /** For tests: the given resolver and TLS socket factory ({@code null}: the JDK default). */
  MetadataFetcher(
      boolean allowHttpLoopback,
      Resolver resolver,
      SSLSocketFactory tls,
      Duration connectTimeout,
      Duration readTimeout,
      int maxBytes) {
    this(
        allowHttpLoopback,
        resolver,
        allowHttpLoopback ? FetchPolicy.publicOrLoopback() : FetchPolicy.publicOnly(),
        SocketFactory.getDefault(),
        tls,
        connectTimeout,
        readTimeout,
        maxBytes,
        Clock.systemUTC());
  }

  /** For tests: everything replaceable, including which addresses may be connected to. */
  MetadataFetcher(
      boolean allowHttpLoopback,
      Resolver resolver,
      FetchPolicy policy,
      SocketFactory sockets,
      SSLSocketFactory tls,
      Duration connectTimeout,
      Duration readTimeout,
      int maxBytes,
      Clock clock) {
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.allowHttpLoopback = allowHttpLoopback;
    this.resolver = resolver;
    this.policy = policy;
    this.sockets = sockets;
    this.tls = tls != null ? tls : (SSLSocketFactory) SSLSocketFactory.getDefault();
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /**
   * Why {@code url} cannot be a Client ID Metadata Document URL, or {@code null} when it can: it
   * must be absolute, https (http only when {@code allowHttpLoopback}; whether its host is
   * loopback is checked when fetching), have a host and a path other than {@code /}, and no
   * fragment, user info or {@code .}/{@code ..} path segments. A port and a query are fine.
   */
  public static String urlProblem(URI url, boolean allowHttpLoopback) {
    if (url == null || !url.isAbsolute() || url.isOpaque()) {
      return "client_id URL must be an absolute https URL";
    }
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttpLoopback && scheme.equals("http"))) {
      return "client_id URL must use https";
    }
    if (url.getRawUserInfo() != null) {
      return "client_id URL must not contain user info";
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return "client_id URL must have a valid host";
    }
    if (url.getPort() == 0 || url.getPort() > 65535) {
      return "client_id URL has an invalid port";
    }
    if (url.getRawFragment() != null) {
      return "client_id URL must not contain a fragment";
    }
    String path = url.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "client_id URL must have a path";
    }
    for (String segment : path.split("/", -1)) {
      String s = segment.replace("%2e", ".").replace("%2E", ".");
      if (s.equals(".") || s.equals("..")) {
        return "client_id URL must not contain . or .. path segments";
      }
    }
    return null;
  }

  /**
   * Fetches the document at {@code url}.
   *
   * @throws FetchException when the URL is not acceptable, its host resolves to an address that
   *     is not permitted, or the fetch fails; the message is safe to show to the client
   */
  public Fetched fetch(URI url) throws FetchException {
    String problem = urlProblem(url, allowHttpLoopback);
    if (problem != null) {
      throw new FetchException(problem);
    }
    boolean https = url.getScheme().equalsIgnoreCase("https");
    String host = url.getHost();
    boolean literal = host.startsWith("[") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;

    List<InetAddress> addresses = checkedAddresses(url, bareHost, https);
    if (!https && warnedHttp.compareAndSet(false, true)) {
      LOG.warn("development: fetching client metadata over http from loopback");
    }

    Socket socket = connect(url, addresses, port);
    try {
      long deadline = System.nanoTime() + readTimeout.toNanos();
      if (https) {
        socket = handshake(socket, bareHost, literal, port, deadline);
      }
      return exchange(url, socket, deadline);
    } catch (SocketTimeoutException e) {
      LOG.debug("fetching client metadata from {} timed out", url);
      throw new FetchException("fetching the document timed out", e);
    } catch (SSLException e) {
      LOG.debug("TLS with the client metadata host of {} failed: {}", url, e.toString());
      throw new FetchException("TLS connection to the document's host failed", e);
    } catch (IOException e) {
      LOG.debug("fetching client metadata from {} failed: {}", url, e.toString());
      throw new FetchException("the document could not be fetched", e);
    } finally {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to do with it
      }
    }
  }

  /** The host's addresses, once all of them have been found acceptable. */
  private List<InetAddress> checkedAddresses(URI url, String host, boolean https) throws FetchException {
    InetAddress[] resolved;
    try {
      resolved = resolver.resolve(host);
    } catch (UnknownHostException | SecurityException e) {
      LOG.debug("client metadata host of {} does not resolve", url);
      throw new FetchException("the document's host name does not resolve", e);
    }
    if (resolved == null || resolved.length == 0) {
      throw new FetchException("the document's host name does not resolve");
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (InetAddress address : resolved) {
      String refusal = policy.refusal(address);
      if (refusal != null) {
        LOG.debug("refusing to fetch client metadata from {}: {} resolves to {}, {}",
            url, host, address.getHostAddress(), refusal);
        throw new FetchException("the document's host resolves to an address that is not publicly routable");
      }
      if (!https && !FetchPolicy.isLoopback(address)) {
        throw new FetchException("http is only permitted for hosts that resolve to loopback");
      }
      if (!addresses.contains(address)) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  /** A TCP connection to one of the checked addresses, tried in order. */
  private Socket connect(URI url, List<InetAddress> addresses, int port) throws FetchException {
    IOException failure = null;
    for (InetAddress address : addresses.subList(0, Math.min(addresses.size(), MAX_ADDRESSES_TRIED))) {
      Socket socket = null;
      try {
        socket = sockets.createSocket();
        socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, connectTimeout.toMillis()));
        return socket;
      } catch (IOException e) {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // already failed
          }
        }
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    LOG.debug("could not connect to the client metadata host of {}: {}", url, String.valueOf(failure));
    if (failure instanceof SocketTimeoutException) {
      throw new FetchException("connecting to the document's host timed out", failure);
    }
    throw new FetchException(
        failure instanceof ConnectException
            ? "the document's host refused the connection"
            : "could not connect to the document's host",
        failure);
  }

  /** TLS over {@code socket}, verifying the certificate against the URL's host name. */
  private SSLSocket handshake(Socket socket, String host, boolean literal, int port, long deadline)
      throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(socket, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!literal) {
      try {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      } catch (IllegalArgumentException e) {
        // not a name SNI can carry (e.g. a trailing dot); the certificate is still checked
      }
    }
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(FetchResponse.remainingMillis(deadline));
    ssl.startHandshake();
    return ssl;
  }

  /** Sends the GET request and reads the response. */
  private Fetched exchange(URI url, Socket socket, long deadline) throws IOException, FetchException {
    URI ascii = URI.create(url.toASCIIString());
    String target = ascii.getRawPath() + (ascii.getRawQuery() != null ? "?" + ascii.getRawQuery() : "");
    String hostHeader = ascii.getHost() + (ascii.getPort() != -1 ? ":" + ascii.getPort() : "");
    String request = "GET " + target + " HTTP/1.1\r\n"
        + "Host: " + hostHeader + "\r\n"
        + "Accept: application/json\r\n"
        + "Accept-Encoding: identity\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Connection: close\r\n"
        + "\r\n";
    socket.setSoTimeout(FetchResponse.remainingMillis(deadline));
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();

    InputStream in = FetchResponse.withDeadline(socket, socket.getInputStream(), deadline);
    FetchResponse response = FetchResponse.read(in);
    int status = response.status();
    if (status >= 300 && status < 400) {
      LOG.debug("client metadata URL {} answered {} (redirect, not followed)", url, status);
      throw new FetchException("the URL answered with a redirect (HTTP " + status + "); redirects are not followed");
    }
    if (status != 200) {
      LOG.debug("client metadata URL {} answered {}", url, status);
      throw new FetchException("the URL answered with HTTP status " + status + " instead of 200");
    }
    if (!isJson(response.first("content-type"))) {
      throw new FetchException("the document's content type must be application/json");
    }
    String encoding = response.joined("content-encoding");
    if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
      throw new FetchException("the document must not use a content encoding");
    }
    byte[] body = response.body(maxBytes);
    String text;
    try {
      text = StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FetchException("the document is not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Duration freshFor = response.freshFor(clock.instant(), DEFAULT_FRESHNESS, MAX_FRESHNESS);
    LOG.debug("fetched client metadata from {} ({} bytes, fresh for {})", url, body.length, freshFor);
    return new Fetched(text, freshFor);
  }

  /** Whether the media type is {@code application/json} or {@code application/*+json}. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json")
        || (media.startsWith("application/") && media.endsWith("+json") && media.indexOf('/') == media.lastIndexOf('/'));
  }
}
