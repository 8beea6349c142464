package dev.gatehouse.mcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mcp.McpException;
import dev.gatehouse.mcp.McpServer;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 key store and from PEM files, with a throwaway self-signed certificate. */
class TlsIT {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir static Path dir;
  private static Path keyStore;
  private static Path certPem;
  private static Path keyPem;
  private static KeyStore store;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keyStore = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    Certificate certificate = store.getCertificate("server");
    certPem = dir.resolve("cert.pem");
    Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
    keyPem = dir.resolve("key.pem");
    Files.writeString(keyPem, pem("PRIVATE KEY", store.getKey("server", PASSWORD).getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static HttpClient trustingClient() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", store.getCertificate("server"));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static void assertServesHttps(McpServer server) throws Exception {
    assertEquals("https", server.url().getScheme());
    HttpResponse<String> response =
        trustingClient()
            .send(
                HttpRequest.newBuilder(server.url().resolve("/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    HttpResponse<String> init =
        trustingClient()
            .send(
                HttpRequest.newBuilder(server.url())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(RawHttp.INITIALIZE))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, init.statusCode(), init.body());
  }

  @Test
  void servesHttpsFromAKeyStore() throws Exception {
    try (McpServer server =
        McpServer.builder("tls", "1")
            .tools(new EchoTools())
            .http(h -> h.port(0).tls(keyStore, new String(PASSWORD)))
            .start()) {
      assertServesHttps(server);
    }
  }

  @Test
  void servesHttpsFromPemFiles() throws Exception {
    try (McpServer server =
        McpServer.builder("tls", "1").tools(new EchoTools()).http(h -> h.port(0).tlsPem(certPem, keyPem)).start()) {
      assertServesHttps(server);
    }
  }

  @Test
  void aKeyFileWithoutAPkcs8KeyIsRefusedWithAHint() throws Exception {
    Path notAKey = dir.resolve("not-a-key.pem");
    Files.writeString(notAKey, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
    McpException e =
        assertThrows(
            McpException.class,
            () ->
                McpServer.builder("tls", "1")
                    .tools(new EchoTools())
                    .http(h -> h.port(0).tlsPem(certPem, notAKey))
                    .start());
    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8"), e.getMessage());
  }
}
