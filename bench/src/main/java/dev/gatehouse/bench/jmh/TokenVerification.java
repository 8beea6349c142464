package dev.gatehouse.bench.jmh;

import dev.gatehouse.mcp.Caller;
import dev.gatehouse.mcp.auth.JwtAuth;
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
 * Time for Gatehouse's {@link JwtAuth#verify(String)} to turn one bearer token into a
 * {@link Caller}: the whole check a protected request pays (parse, {@code typ}, key selection by
 * {@code kid} from the in-process JWKS, signature, {@code iss}/{@code aud}/{@code exp}/{@code iat},
 * scopes), for an RS256 (RSA 2048) and an ES256 (P-256) token.
 *
 * <ul>
 *   <li>{@code cache=cold}: built with {@code verifiedTokenCache(0)}, so every call verifies the
 *       signature and claims again (a token seen for the first time).
 *   <li>{@code cache=cached}: the default verified-token cache; the same token sent again is a
 *       SHA-256 of the token plus a map lookup (and, once a second, a look at the JWKS key ids).
 * </ul>
 *
 * <p>The keys are handed over in-process with {@code JwtAuth.Builder#jwks(Supplier)}, so no HTTP is
 * involved. Compare with {@link TokenVerificationBaseline} (raw Nimbus signature check) to see
 * JwtAuth's overhead over the crypto itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenVerification {

  @Param({"RS256", "ES256"})
  public String alg;

  @Param({"cold", "cached"})
  public String cache;

  private JwtAuth auth;
  private String token;

  @Setup
  public void setup() {
    Keys keys = new Keys();
    String jwks = keys.jwksJson;
    JwtAuth.Builder builder = JwtAuth.builder(Keys.ISSUER, Keys.RESOURCE).jwks(() -> jwks);
    if (cache.equals("cold")) {
      builder.verifiedTokenCache(0);
    } else if (!cache.equals("cached")) {
      throw new IllegalArgumentException("cache must be cold or cached: " + cache);
    }
    auth = builder.build();
    token = keys.token(alg);
    // fails fast (InvalidTokenException) if the fixture is wrong, and fills the cache
    Caller caller = auth.verify(token);
    if (!caller.subject().equals("bench-user") || !caller.scopes().contains("todo:write")) {
      throw new IllegalStateException("unexpected caller " + caller);
    }
  }

  @Benchmark
  public Caller verify() {
    return auth.verify(token);
  }
}
