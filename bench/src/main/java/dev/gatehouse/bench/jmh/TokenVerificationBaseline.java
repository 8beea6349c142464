package dev.gatehouse.bench.jmh;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under {@link TokenVerification}: plain Nimbus with no Gatehouse code, on the same keys
 * and tokens.
 *
 * <ul>
 *   <li>{@code signature}: only the signature check, {@code RSASSAVerifier}/{@code ECDSAVerifier}
 *       on a {@link SignedJWT} parsed once in setup (raw crypto).
 *   <li>{@code parseAndSignature}: parsing the compact token (base64url + header/claims JSON) and
 *       then the same signature check, still without claims checks or key selection.
 * </ul>
 *
 * <p>JwtAuth's overhead is {@code TokenVerification.verify(cache=cold)} minus
 * {@code signature}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenVerificationBaseline {

  @Param({"RS256", "ES256"})
  public String alg;

  private String token;
  private SignedJWT parsed;
  private JWSVerifier verifier;

  @Setup
  public void setup() throws ParseException, JOSEException {
    Keys keys = new Keys();
    token = keys.token(alg);
    parsed = SignedJWT.parse(token);
    verifier = keys.verifier(alg);
    if (!signature()) {
      throw new IllegalStateException("signature does not verify");
    }
  }

  @Benchmark
  public boolean signature() throws JOSEException {
    return verifier.verify(parsed.getHeader(), parsed.getSigningInput(), parsed.getSignature());
  }

  @Benchmark
  public boolean parseAndSignature() throws ParseException, JOSEException {
    SignedJWT jwt = SignedJWT.parse(token);
    return verifier.verify(jwt.getHeader(), jwt.getSigningInput(), jwt.getSignature());
  }
}
