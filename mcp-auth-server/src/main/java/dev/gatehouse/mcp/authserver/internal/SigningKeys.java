package dev.gatehouse.mcp.authserver.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's signing keys: generated on first start, kept in a file readable by
 * the owner only (or in memory), rotated after {@code rotateAfter}. A replaced key stays in the
 * JWKS until every token it signed has expired.
 */
public final class SigningKeys {

  private static final Logger LOG = LoggerFactory.getLogger("dev.gatehouse.mcp.authserver");

  private final Optional<Path> file;
  private final JWSAlgorithm algorithm;
  private final Duration rotateAfter;
  private final Duration retireAfter;
  private final Clock clock;
  private volatile State state;

  private record State(List<JWK> keys, String publicJwks, JWSSigner signer, JWK active) {}

  /**
   * @param file where keys are kept (created owner-only), or empty for memory
   * @param algorithm RS256 or ES256
   * @param rotateAfter the age at which a new key takes over
   * @param retireAfter how long a replaced key is still published (the longest token lifetime
   *     plus clock skew)
   */
  public SigningKeys(
      Optional<Path> file, String algorithm, Duration rotateAfter, Duration retireAfter, Clock clock) {
    this.file = file;
    this.algorithm = JWSAlgorithm.parse(algorithm);
    this.rotateAfter = rotateAfter;
    this.retireAfter = retireAfter;
    this.clock = clock;
    List<JWK> keys = file.isPresent() ? load(file.get()) : new ArrayList<>();
    this.state = apply(keys, false);
  }

  /** The public JWKS document (without keys that have retired). */
  public String jwks() {
    return rotateIfDue().publicJwks();
  }

  /** The key id tokens are signed with now. */
  public String activeKeyId() {
    return state.active().getKeyID();
  }

  /** Signs claims as an RFC 9068 access token ({@code typ: at+jwt}). */
  public String sign(JWTClaimsSet claims) {
    State current = rotateIfDue();
    JWSHeader header =
        new JWSHeader.Builder(algorithm)
            .type(new JOSEObjectType("at+jwt"))
            .keyID(current.active().getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(current.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /** Starts signing with a new key now; the old one stays published until it retires. */
  public synchronized void rotate() {
    state = apply(new ArrayList<>(state.keys()), true);
  }

  /** The state, after rotating a key that is due and retiring keys whose tokens have expired. */
  private State rotateIfDue() {
    State current = state;
    Instant now = clock.instant();
    boolean rotate = current.active().getIssueTime().toInstant().plus(rotateAfter).isBefore(now);
    // the oldest key retires once its successor has signed for longer than a token lives
    List<JWK> keys = current.keys();
    boolean retire =
        keys.size() > 1 && keys.get(keys.size() - 2).getIssueTime().toInstant().plus(retireAfter).isBefore(now);
    if (rotate || retire) {
      synchronized (this) {
        if (state == current) {
          state = apply(new ArrayList<>(current.keys()), rotate);
        }
        return state;
      }
    }
    return current;
  }

  private State apply(List<JWK> keys, boolean forceNew) {
    keys.sort(Comparator.comparing((JWK k) -> k.getIssueTime()).reversed());
    Instant now = clock.instant();
    boolean usable =
        !keys.isEmpty()
            && JWSAlgorithm.parse(String.valueOf(keys.get(0).getAlgorithm())).equals(algorithm)
            && keys.get(0).getIssueTime().toInstant().plus(rotateAfter).isAfter(now);
    boolean changed = false;
    if (forceNew || !usable) {
      keys.add(0, generate(now));
      changed = true;
      LOG.info("authorization server: new {} signing key {}", algorithm, keys.get(0).getKeyID());
    }
    // a replaced key is published until every token it signed has expired
    List<JWK> kept = new ArrayList<>();
    kept.add(keys.get(0));
    for (int i = 1; i < keys.size(); i++) {
      Instant replacedAt = keys.get(i - 1).getIssueTime().toInstant();
      if (replacedAt.plus(retireAfter).isAfter(now)) {
        kept.add(keys.get(i));
      } else {
        changed = true;
      }
    }
    if (changed && file.isPresent()) {
      save(file.get(), kept);
    }
    JWK active = kept.get(0);
    return new State(List.copyOf(kept), new JWKSet(kept).toPublicJWKSet().toString(), signer(active), active);
  }

  private JWK generate(Instant now) {
    try {
      String kid = Hashes.random(12);
      if (JWSAlgorithm.Family.EC.contains(algorithm)) {
        return new ECKeyGenerator(Curve.P_256)
            .keyID(kid)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(algorithm)
            .issueTime(Date.from(now))
            .generate();
      }
      return new RSAKeyGenerator(2048)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm)
          .issueTime(Date.from(now))
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate a signing key: " + e.getMessage(), e);
    }
  }

  private static JWSSigner signer(JWK key) {
    try {
      return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable signing key " + key.getKeyID(), e);
    }
  }

  private static List<JWK> load(Path path) {
    if (!Files.exists(path)) {
      return new ArrayList<>();
    }
    try {
      List<JWK> keys = new ArrayList<>();
      for (JWK key : JWKSet.parse(Files.readString(path)).getKeys()) {
        if (key.isPrivate() && key.getIssueTime() != null && key.getAlgorithm() != null) {
          keys.add(key);
        }
      }
      return keys;
    } catch (IOException | ParseException e) {
      throw new IllegalStateException(
          "cannot read signing keys from " + path + ": " + e.getMessage()
              + " (delete the file to start with a new key; issued tokens will stop working)", e);
    }
  }

  private static void save(Path path, List<JWK> keys) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      DataDirectory.create(dir);
      Path tmp = Files.createTempFile(dir, ".keys", ".tmp");
      DataDirectory.ownerOnly(tmp);
      Files.writeString(tmp, new JWKSet(keys).toString(false), StandardCharsets.UTF_8);
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write signing keys to " + path + ": " + e.getMessage(), e);
    }
  }
}
