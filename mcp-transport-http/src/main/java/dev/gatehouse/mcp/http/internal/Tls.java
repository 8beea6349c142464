package dev.gatehouse.mcp.http.internal;

import dev.gatehouse.mcp.HttpOptions;
import dev.gatehouse.mcp.McpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds Jetty's TLS settings from a key store or from PEM files. */
final class Tls {

  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private Tls() {}

  /** The TLS context for these options, or empty for plain HTTP. */
  static Optional<SslContextFactory.Server> of(HttpOptions http) {
    if (http.keyStore().isPresent()) {
      Path path = http.keyStore().get();
      if (!Files.isReadable(path)) {
        throw new McpException("TLS key store not readable: " + path);
      }
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(path.toString());
      ssl.setKeyStorePassword(http.keyStorePassword().orElse(""));
      return Optional.of(ssl);
    }
    if (http.certificateChain().isPresent()) {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      char[] password = new char[0];
      ssl.setKeyStore(pemKeyStore(http.certificateChain().get(), http.privateKey().get(), password));
      ssl.setKeyStorePassword("");
      return Optional.of(ssl);
    }
    return Optional.empty();
  }

  static KeyStore pemKeyStore(Path chain, Path key, char[] password) {
    try {
      Collection<? extends Certificate> certificates;
      try (var in = Files.newInputStream(chain)) {
        certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
      }
      if (certificates.isEmpty()) {
        throw new McpException("no certificate found in " + chain);
      }
      PrivateKey privateKey = privateKey(Files.readString(key, StandardCharsets.US_ASCII), key);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("gatehouse", privateKey, password, certificates.toArray(Certificate[]::new));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new McpException("cannot load TLS PEM files " + chain + ", " + key + ": " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(String pem, Path where) throws GeneralSecurityException {
    Matcher m = PRIVATE_KEY.matcher(pem);
    if (!m.find()) {
      throw new McpException(
          where + " holds no unencrypted PKCS#8 key ('-----BEGIN PRIVATE KEY-----'); convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

}
