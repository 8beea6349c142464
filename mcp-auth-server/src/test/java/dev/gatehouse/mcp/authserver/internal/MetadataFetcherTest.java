package dev.gatehouse.mcp.authserver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataFetcherTest {

  private static final String PASSWORD = "changeit";
  private static final String DOCUMENT = "{\"client_id\":\"https://client.example/client.json\"}";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_BYTES = 1000;

  @TempDir static Path keys;
  private static SSLContext serverTls;
  private static SSLSocketFactory clientTls;

  /** Names the resolver knows; anything else does not resolve. */
  private final Map<String, InetAddress[]> hosts = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();
  private final MetadataFetcher.Resolver resolver = host -> {
    lookups.incrementAndGet();
    InetAddress[] addresses = hosts.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    return addresses;
  };

  /** Counts the sockets the fetcher opens: none may be opened for a refused host. */
  private final AtomicInteger connections = new AtomicInteger();
  private final SocketFactory sockets = new SocketFactory() {
    @Override
    public Socket createSocket() {
      connections.incrementAndGet();
      return new Socket();
    }

    @Override
    public Socket createSocket(String host, int port) {
      throw new UnsupportedOperationException("the fetcher must connect to a checked address");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("the fetcher must connect to a checked address");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      throw new UnsupportedOperationException("the fetcher must connect with a timeout");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) {
      throw new UnsupportedOperationException("the fetcher must connect with a timeout");
    }
  };

  private HttpsServer https;
  private final AtomicInteger httpsRequests = new AtomicInteger();
  private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
  private ServerSocket raw;
  private final List<String> rawRequests = new CopyOnWriteArrayList<>();
  private final AtomicInteger rawConnections = new AtomicInteger();

  /** Answers one raw connection (for responses {@code HttpsServer} would not send). */
  private interface RawAnswer {
    void answer(Socket socket, OutputStream out) throws Exception;
  }

  @BeforeAll
  static void certificate() throws Exception {
    Path store = keys.resolve("server.p12");
    Process keytool = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "t", "-keyalg", "EC", "-groupname", "secp256r1",
            "-dname", "CN=client.example",
            "-ext", "SAN=dns:client.example,dns:localhost,ip:127.0.0.1",
            "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true)
        .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);

    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, PASSWORD.toCharArray());
    serverTls = SSLContext.getInstance("TLS");
    serverTls.init(kmf.getKeyManagers(), null, null);

    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("t", keyStore.getCertificate("t"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);
    clientTls = client.getSocketFactory();
  }

  @AfterEach
  void stop() throws IOException {
    if (https != null) {
      https.stop(0);
    }
    if (raw != null) {
      raw.close();
    }
  }

  // ---- fetchers and servers ----

  private MetadataFetcher fetcher(boolean allowHttpLoopback, FetchPolicy policy, SSLSocketFactory tls,
      Duration timeout, int maxBytes) {
    return new MetadataFetcher(allowHttpLoopback, resolver, policy, sockets, tls, timeout, timeout, maxBytes,
        Clock.systemUTC());
  }

  /** The production configuration, with the test resolver and socket counting. */
  private MetadataFetcher production() {
    return fetcher(false, FetchPolicy.publicOnly(), clientTls, TIMEOUT, MAX_BYTES);
  }

  /** Production except that loopback is permitted, so https can reach the local test server. */
  private MetadataFetcher local() {
    return fetcher(false, FetchPolicy.publicOrLoopback(), clientTls, TIMEOUT, MAX_BYTES);
  }

  /** The development switch on. */
  private MetadataFetcher development() {
    return fetcher(true, FetchPolicy.publicOrLoopback(), clientTls, TIMEOUT, MAX_BYTES);
  }

  private void resolve(String host, String... addresses) throws UnknownHostException {
    InetAddress[] resolved = new InetAddress[addresses.length];
    for (int i = 0; i < addresses.length; i++) {
      resolved[i] = InetAddress.getByName(addresses[i]);
    }
    hosts.put(host, resolved);
  }

  /** An https server on 127.0.0.1 that client.example resolves to; returns its base URL. */
  private String httpsServer(HttpHandler handler) throws IOException {
    https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    https.createContext("/", exchange -> {
      httpsRequests.incrementAndGet();
      hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
      handler.handle(exchange);
    });
    https.start();
    resolve("client.example", "127.0.0.1");
    return "https://client.example:" + https.getAddress().getPort();
  }

  private static HttpHandler answer(int status, String contentType, String body, String... headers) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (contentType != null) {
        exchange.getResponseHeaders().add("Content-Type", contentType);
      }
      for (int i = 0; i < headers.length; i += 2) {
        exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
      }
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    };
  }

  private static HttpHandler chunked(String body) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0); // 0: chunked
      OutputStream out = exchange.getResponseBody();
      for (byte b : body.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
        out.flush();
      }
      exchange.close();
    };
  }

  /** A plain TCP server on 127.0.0.1 that client.example resolves to; returns its port. */
  private int rawServer(RawAnswer answer) throws IOException {
    raw = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    resolve("client.example", "127.0.0.1");
    Thread thread = new Thread(() -> {
      while (!raw.isClosed()) {
        try (Socket socket = raw.accept()) {
          rawConnections.incrementAndGet();
          answer.answer(socket, socket.getOutputStream());
        } catch (Exception e) {
          // closed, or the client gave up
        }
      }
    });
    thread.setDaemon(true);
    thread.start();
    return raw.getLocalPort();
  }

  /** A raw server that reads the request head and sends {@code response} as is. */
  private int rawServer(String response) throws IOException {
    return rawServer((socket, out) -> {
      rawRequests.add(requestHead(socket.getInputStream()));
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    });
  }

  private static String requestHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.write(c);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static String ok(String headers, String body) {
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + headers + "\r\n" + body;
  }

  private MetadataFetcher.FetchException refused(MetadataFetcher fetcher, String url) {
    return assertThrows(MetadataFetcher.FetchException.class, () -> fetcher.fetch(URI.create(url)));
  }

  // ---- the URL ----

  @Test
  void refusesHttpUrls() {
    assertNotNull(MetadataFetcher.urlProblem(URI.create("http://client.example/client.json"), false));
    MetadataFetcher.FetchException e = refused(production(), "http://client.example/client.json");
    assertTrue(e.getMessage().contains("https"), e.getMessage());
    assertEquals(0, lookups.get());
  }

  @Test
  void refusesUrlsWithoutAPath() {
    for (String url : List.of("https://client.example", "https://client.example/", "https://client.example?x=1")) {
      assertNotNull(MetadataFetcher.urlProblem(URI.create(url), false), url);
    }
    refused(production(), "https://client.example/");
    assertEquals(0, lookups.get());
  }

  @Test
  void refusesUrlsWithAFragment() {
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https://client.example/client.json#x"), false));
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https://client.example/client.json#"), false));
  }

  @Test
  void refusesUrlsWithUserInfo() {
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https://user@client.example/client.json"), false));
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https://user:pw@client.example/client.json"), false));
  }

  @Test
  void refusesUrlsWithDotSegments() {
    for (String path : List.of("/a/./client.json", "/a/../client.json", "/..", "/a/.", "/a/%2E%2e/client.json")) {
      assertNotNull(MetadataFetcher.urlProblem(URI.create("https://client.example" + path), false), path);
    }
  }

  @Test
  void refusesUrlsWithoutAUsableHost() {
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https:///client.json"), false));
    assertNotNull(MetadataFetcher.urlProblem(URI.create("https://under_score.example/client.json"), false));
    assertNotNull(MetadataFetcher.urlProblem(URI.create("/client.json"), false));
    assertNotNull(MetadataFetcher.urlProblem(URI.create("urn:example:client"), false));
  }

  @Test
  void acceptsHttpsUrlsWithAPathAPortAndAQuery() {
    assertNull(MetadataFetcher.urlProblem(URI.create("https://client.example/client.json"), false));
    assertNull(MetadataFetcher.urlProblem(URI.create("https://client.example:8443/c/client.json?v=2"), false));
    assertNull(MetadataFetcher.urlProblem(URI.create("HTTPS://client.example/a..b/.well-known/c"), false));
  }

  // ---- the addresses ----

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "10.1.2.3", "172.16.0.1", "192.168.1.1", "127.0.0.1", "169.254.169.254", "0.0.0.0", "100.64.0.1",
    "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1", "fec0::1", "ff02::1",
    "64:ff9b::a00:1", "2002:c0a8:101::1", "2001:db8::1"
  })
  void refusesHostsResolvingToNonPublicAddresses(String address) throws Exception {
    resolve("client.example", address);
    MetadataFetcher.FetchException e = refused(production(), "https://client.example/client.json");
    assertTrue(e.getMessage().contains("not publicly routable"), e.getMessage());
    assertFalse(e.getMessage().contains(address), "the message must not reveal the address");
    assertEquals(0, connections.get());
  }

  @Test
  void refusesIpv4MappedIpv6FormsOfPrivateAddresses() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 10;
    mapped[15] = 1; // ::ffff:10.0.0.1, kept as an Inet6Address
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
    assertTrue(address instanceof Inet6Address);
    hosts.put("client.example", new InetAddress[] {address});
    refused(production(), "https://client.example/client.json");
    assertEquals(0, connections.get());
  }

  @Test
  void refusesHostsWhenAnyOfTheirAddressesIsPrivate() throws Exception {
    resolve("client.example", "93.184.216.34", "2606:2800:220:1::1", "10.0.0.1");
    refused(production(), "https://client.example/client.json");
    assertEquals(0, connections.get());
  }

  @Test
  void refusesHostsThatDoNotResolve() {
    MetadataFetcher.FetchException e = refused(production(), "https://nowhere.example/client.json");
    assertTrue(e.getMessage().contains("does not resolve"), e.getMessage());
    assertEquals(0, connections.get());
  }

  @Test
  void permitsPublicAddresses() throws Exception {
    for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808",
        "2002:808:808::1")) {
      assertNull(FetchPolicy.publicOnly().refusal(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void loopbackIsPermittedOnlyByTheLoopbackPolicy() throws Exception {
    for (String address : List.of("127.0.0.1", "127.1.2.3", "::1")) {
      assertNotNull(FetchPolicy.publicOnly().refusal(InetAddress.getByName(address)), address);
      assertNull(FetchPolicy.publicOrLoopback().refusal(InetAddress.getByName(address)), address);
    }
    assertNotNull(FetchPolicy.publicOrLoopback().refusal(InetAddress.getByName("10.0.0.1")));
    assertNotNull(FetchPolicy.publicOrLoopback().refusal(InetAddress.getByName("0.0.0.0")));
  }

  // ---- fetching over https ----

  @Test
  void fetchesOverHttpsFromTheCheckedAddressWithoutResolvingAgain() throws Exception {
    String base = httpsServer(answer(200, "application/json", DOCUMENT));
    MetadataFetcher.Fetched fetched = local().fetch(URI.create(base + "/client.json"));
    assertEquals(DOCUMENT, fetched.body());
    assertEquals(1, lookups.get());
    assertEquals(1, connections.get());
    assertEquals(List.of("client.example:" + https.getAddress().getPort()), hostHeaders);
  }

  @Test
  void verifiesTheCertificateAgainstTheUrlHostName() throws Exception {
    String base = httpsServer(answer(200, "application/json", DOCUMENT));
    resolve("other.example", "127.0.0.1"); // same server, but its certificate does not name other.example
    MetadataFetcher.FetchException e = refused(local(), base.replace("client.example", "other.example") + "/c.json");
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    assertEquals(0, httpsRequests.get());
  }

  @Test
  void refusesCertificatesTheTrustStoreDoesNotTrust() throws Exception {
    String base = httpsServer(answer(200, "application/json", DOCUMENT));
    MetadataFetcher jdkTrust = fetcher(false, FetchPolicy.publicOrLoopback(), null, TIMEOUT, MAX_BYTES);
    MetadataFetcher.FetchException e = refused(jdkTrust, base + "/client.json");
    assertTrue(e.getMessage().contains("TLS"), e.getMessage());
    assertEquals(0, httpsRequests.get());
  }

  @Test
  void triesTheNextCheckedAddressWhenOneRefusesTheConnection() throws Exception {
    String base = httpsServer(answer(200, "application/json", DOCUMENT));
    resolve("client.example", "127.0.0.2", "127.0.0.1"); // the server listens on 127.0.0.1 only
    assertEquals(DOCUMENT, local().fetch(URI.create(base + "/client.json")).body());
    assertEquals(2, connections.get());
    assertEquals(1, lookups.get());
  }

  @Test
  void doesNotFollowRedirects() throws Exception {
    String base = httpsServer(answer(302, null, "", "Location", "https://client.example/elsewhere.json"));
    MetadataFetcher.FetchException e = refused(local(), base + "/client.json");
    assertTrue(e.getMessage().contains("redirects are not followed"), e.getMessage());
    assertEquals(1, httpsRequests.get());
  }

  @Test
  void refusesStatusesOtherThan200() throws Exception {
    String base = httpsServer(answer(404, "application/json", "{}"));
    MetadataFetcher.FetchException e = refused(local(), base + "/client.json");
    assertTrue(e.getMessage().contains("HTTP status 404"), e.getMessage());
  }

  @Test
  void refusesBodiesOverTheLimitByContentLength() throws Exception {
    String base = httpsServer(answer(200, "application/json", "{\"x\":\"" + "a".repeat(MAX_BYTES) + "\"}"));
    MetadataFetcher.FetchException e = refused(local(), base + "/client.json");
    assertTrue(e.getMessage().contains("larger than " + MAX_BYTES + " bytes"), e.getMessage());
  }

  @Test
  void refusesChunkedBodiesOverTheLimit() throws Exception {
    String base = httpsServer(chunked("{\"x\":\"" + "a".repeat(MAX_BYTES) + "\"}"));
    MetadataFetcher.FetchException e = refused(local(), base + "/client.json");
    assertTrue(e.getMessage().contains("larger than " + MAX_BYTES + " bytes"), e.getMessage());
  }

  @Test
  void readsChunkedBodies() throws Exception {
    String base = httpsServer(chunked(DOCUMENT));
    assertEquals(DOCUMENT, local().fetch(URI.create(base + "/client.json")).body());
  }

  @Test
  void refusesContentTypesOtherThanJson() throws Exception {
    String base = httpsServer(answer(200, "text/html; charset=utf-8", DOCUMENT));
    MetadataFetcher.FetchException e = refused(local(), base + "/client.json");
    assertTrue(e.getMessage().contains("application/json"), e.getMessage());
  }

  @Test
  void acceptsStructuredJsonContentTypes() throws Exception {
    String base = httpsServer(answer(200, "application/vnd.example+json; charset=utf-8", DOCUMENT));
    assertEquals(DOCUMENT, local().fetch(URI.create(base + "/client.json")).body());
  }

  @Test
  void timesOutOnAServerThatNeverAnswers() throws Exception {
    int port = rawServer((socket, out) -> socket.getInputStream().readAllBytes()); // holds until closed
    MetadataFetcher impatient = fetcher(false, FetchPolicy.publicOrLoopback(), clientTls, Duration.ofMillis(300),
        MAX_BYTES);
    MetadataFetcher.FetchException e = refused(impatient, "https://client.example:" + port + "/client.json");
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  // ---- caching ----

  private Duration freshFor(String... headers) throws Exception {
    String base = httpsServer(answer(200, "application/json", DOCUMENT, headers));
    return local().fetch(URI.create(base + "/client.json")).freshFor();
  }

  @Test
  void maxAgeSetsTheFreshnessLifetime() throws Exception {
    assertEquals(Duration.ofSeconds(60), freshFor("Cache-Control", "public, max-age=60"));
  }

  @Test
  void noStoreMeansNotFreshAtAll() throws Exception {
    assertEquals(Duration.ZERO, freshFor("Cache-Control", "no-store, max-age=60"));
  }

  @Test
  void noCacheMeansNotFreshAtAll() throws Exception {
    assertEquals(Duration.ZERO, freshFor("Cache-Control", "max-age=60, no-cache"));
  }

  @Test
  void noCachingHeadersGiveTheDefaultLifetime() throws Exception {
    assertEquals(MetadataFetcher.DEFAULT_FRESHNESS, freshFor());
  }

  @Test
  void hugeLifetimesAreCapped() throws Exception {
    assertEquals(MetadataFetcher.MAX_FRESHNESS, freshFor("Cache-Control", "max-age=99999999999999"));
  }

  @Test
  void theAgeAlreadySpentInCachesIsSubtracted() throws Exception {
    assertEquals(Duration.ofSeconds(40), freshFor("Cache-Control", "max-age=60", "Age", "20"));
  }

  @Test
  void expiresCountsFromTheResponseDate() throws Exception {
    int port = rawServer(ok("Date: Tue, 01 Jul 2025 10:00:00 GMT\r\nExpires: Tue, 01 Jul 2025 10:02:00 GMT\r\n"
        + "Content-Length: " + DOCUMENT.length() + "\r\n", DOCUMENT));
    Duration fresh = development().fetch(URI.create("http://client.example:" + port + "/client.json")).freshFor();
    assertEquals(Duration.ofMinutes(2), fresh);
  }

  @Test
  void anInvalidExpiresMeansAlreadyExpired() throws Exception {
    int port = rawServer(ok("Expires: 0\r\nContent-Length: " + DOCUMENT.length() + "\r\n", DOCUMENT));
    Duration fresh = development().fetch(URI.create("http://client.example:" + port + "/client.json")).freshFor();
    assertEquals(Duration.ZERO, fresh);
  }

  // ---- the development switch, and response framing over plain http ----

  @Test
  void theDevelopmentSwitchIsOffByDefault() throws Exception {
    int port = rawServer(ok("Content-Length: " + DOCUMENT.length() + "\r\n", DOCUMENT));
    String url = "http://127.0.0.1:" + port + "/client.json";
    assertThrows(MetadataFetcher.FetchException.class, () -> new MetadataFetcher().fetch(URI.create(url)));
    assertThrows(MetadataFetcher.FetchException.class, () -> new MetadataFetcher(false).fetch(URI.create(url)));
    assertEquals(0, rawConnections.get());
  }

  @Test
  void theDevelopmentSwitchAllowsPlainHttpFromLoopback() throws Exception {
    int port = rawServer(ok("Content-Length: " + DOCUMENT.length() + "\r\n", DOCUMENT));
    MetadataFetcher fetcher = new MetadataFetcher(true, resolver, null, TIMEOUT, TIMEOUT, MAX_BYTES);
    assertNull(MetadataFetcher.urlProblem(URI.create("http://client.example/client.json"), true));
    MetadataFetcher.Fetched fetched = fetcher.fetch(URI.create("http://client.example:" + port + "/client.json?v=1"));
    assertEquals(DOCUMENT, fetched.body());
    String request = rawRequests.get(0);
    assertTrue(request.startsWith("GET /client.json?v=1 HTTP/1.1\r\n"), request);
    assertTrue(request.contains("\r\nHost: client.example:" + port + "\r\n"), request);
    assertTrue(request.contains("\r\nConnection: close\r\n"), request);
    assertEquals(1, lookups.get());
  }

  @Test
  void theDevelopmentSwitchStillRefusesHttpToOtherAddresses() throws Exception {
    resolve("client.example", "127.0.0.1", "93.184.216.34");
    MetadataFetcher.FetchException e = refused(development(), "http://client.example/client.json");
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    assertEquals(0, connections.get());
  }

  @Test
  void theDevelopmentSwitchStillRefusesPrivateAddresses() throws Exception {
    resolve("client.example", "10.0.0.1");
    refused(development(), "https://client.example/client.json");
    refused(development(), "http://client.example/client.json");
    assertEquals(0, connections.get());
  }

  @Test
  void readsBodiesDelimitedByTheConnectionClosing() throws Exception {
    int port = rawServer(ok("Connection: close\r\n", DOCUMENT));
    assertEquals(DOCUMENT, development().fetch(URI.create("http://client.example:" + port + "/c.json")).body());
  }

  @Test
  void refusesBodiesOverTheLimitWhenDelimitedByTheConnectionClosing() throws Exception {
    int port = rawServer(ok("Connection: close\r\n", "{\"x\":\"" + "a".repeat(MAX_BYTES) + "\"}"));
    MetadataFetcher.FetchException e = refused(development(), "http://client.example:" + port + "/c.json");
    assertTrue(e.getMessage().contains("larger than " + MAX_BYTES + " bytes"), e.getMessage());
  }

  @Test
  void readsChunkedBodiesWithExtensionsAndTrailers() throws Exception {
    int port = rawServer(ok("Transfer-Encoding: chunked\r\n",
        "5;name=value\r\n{\"a\":\r\n002\r\n1}\r\n0\r\nX-Trailer: yes\r\n\r\n"));
    assertEquals("{\"a\":1}", development().fetch(URI.create("http://client.example:" + port + "/c.json")).body());
  }

  @Test
  void skipsInterimResponses() throws Exception {
    int port = rawServer("HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
        + ok("Content-Length: " + DOCUMENT.length() + "\r\n", DOCUMENT));
    assertEquals(DOCUMENT, development().fetch(URI.create("http://client.example:" + port + "/c.json")).body());
  }

  @Test
  void refusesTruncatedBodies() throws Exception {
    int port = rawServer(ok("Content-Length: 100\r\n", "{\"client_id\":"));
    MetadataFetcher.FetchException e = refused(development(), "http://client.example:" + port + "/c.json");
    assertTrue(e.getMessage().contains("closed the connection"), e.getMessage());
  }

  @Test
  void refusesMalformedResponses() throws Exception {
    int port = rawServer("ICY 200 OK\r\n\r\n{}");
    MetadataFetcher.FetchException e = refused(development(), "http://client.example:" + port + "/c.json");
    assertTrue(e.getMessage().contains("malformed"), e.getMessage());
  }

  @Test
  void refusesConflictingContentLengths() throws Exception {
    int port = rawServer(ok("Content-Length: 2\r\nContent-Length: 3\r\n", "{}"));
    refused(development(), "http://client.example:" + port + "/c.json");
  }

  @Test
  void refusesBodiesThatAreNotUtf8() throws Exception {
    int port = rawServer(ok("Content-Length: 4\r\n", "{\"\u00ff}"));
    MetadataFetcher.FetchException e = refused(development(), "http://client.example:" + port + "/c.json");
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void theReadTimeoutLimitsTheWholeResponseNotEachRead() throws Exception {
    int port = rawServer((socket, out) -> {
      requestHead(socket.getInputStream());
      out.write(ok("Content-Length: 50\r\n", "").getBytes(StandardCharsets.ISO_8859_1));
      for (int i = 0; i < 50; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(100);
      }
    });
    MetadataFetcher impatient = fetcher(true, FetchPolicy.publicOrLoopback(), clientTls, Duration.ofMillis(300),
        MAX_BYTES);
    MetadataFetcher.FetchException e = refused(impatient, "http://client.example:" + port + "/c.json");
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }
}
