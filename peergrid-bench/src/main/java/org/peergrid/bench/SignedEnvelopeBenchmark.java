package org.peergrid.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.peergrid.platform.auth.CanonicalJson;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.SignatureVersion;
import org.peergrid.platform.auth.SignedBody;

/**
 * JMH benchmark of what signature version 2 changed at the server's intake: the canonical form of a
 * day-ahead offer envelope (24 hourly load and PV values with two decimals, a battery) in version 1's
 * plain decimals and in RFC 8785, and the whole check of a version 2 signature (canonical form and
 * Ed25519 verification), for scale.
 *
 * <p>Run from the repository root: {@code peergrid-bench/run.sh -f 1 -wi 3 -w 1s -i 5 -r 1s
 * SignedEnvelopeBenchmark}. Results are in docs/platform.md, "Signed offers".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignedEnvelopeBenchmark {
  private ObjectNode envelope;
  private String publicKey;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SplittableRandom random = new SplittableRandom(20261205L);
    StringBuilder load = new StringBuilder();
    StringBuilder pv = new StringBuilder();
    for (int hour = 0; hour < 24; hour++) {
      String sep = hour == 0 ? "" : ", ";
      load.append(sep).append(random.nextInt(1_000, 9_000) / 100.0);
      pv.append(sep).append(hour < 6 || hour > 18 ? 0 : random.nextInt(0, 6_000) / 100.0);
    }
    // as the server reads bodies: decimals as BigDecimal
    JsonNode offer = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(
        "{\"load_kw\": [" + load + "], \"pv_kw\": [" + pv + "], \"power_factor\": 0.95, \"battery\": {"
            + "\"capacity_kwh\": 40, \"charge_kw\": 10, \"discharge_kw\": 10, \"efficiency_charge\": 0.95,"
            + " \"efficiency_discharge\": 0.95, \"soc_min\": 0.1, \"soc_max\": 0.9, \"soc_initial\": 0.5}}");
    KeyPair keys = Ed25519Keys.generate();
    publicKey = Ed25519Keys.encode(keys.getPublic());
    envelope = OfferSigner.sign(keys.getPrivate(), SignatureVersion.RFC_8785, SignedBody.OFFER, "2025-06-02", "B06",
        "0123456789abcdef0123456789abcdef", Instant.parse("2025-06-01T09:30:00Z"), offer);
    if (!SignatureVersion.RFC_8785.verifies(publicKey, envelope)) {
      throw new IllegalStateException("the benchmark's envelope does not verify");
    }
  }

  @Benchmark
  public String canonicalVersion1PlainDecimals() {
    return CanonicalJson.text(envelope);
  }

  @Benchmark
  public String canonicalVersion2Rfc8785() {
    return CanonicalJson.rfc8785(envelope);
  }

  @Benchmark
  public boolean verifyVersion2() {
    return SignatureVersion.RFC_8785.verifies(publicKey, envelope);
  }
}
