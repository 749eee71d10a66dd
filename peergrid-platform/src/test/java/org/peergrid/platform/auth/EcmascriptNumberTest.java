package org.peergrid.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signature version 2's numbers (RFC 8785 §3.2.2.3, ECMA-262 §7.1.12.1) on seeded random doubles,
 * against a reference written from the specification alone with exact decimal arithmetic: the fewest
 * significant digits k that read back to the same double, of those the one nearest to the double's
 * exact value (the even one on a tie), laid out in plain decimals for 1e-6 &lt;= |x| &lt; 1e21 and in
 * exponent form otherwise.
 */
class EcmascriptNumberTest {
  private static final int PER_SEED = 400;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shortestNearestDigitsInEcmascriptLayout(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (double value : samples(random)) {
      String written = CanonicalJson.ecmascriptNumber(value);
      assertThat(written).as("bits %016x", Double.doubleToRawLongBits(value)).isEqualTo(reference(value));
      assertThat(Double.parseDouble(written)).as(written).isEqualTo(value == 0 ? 0.0 : value);
    }
  }

  /** Doubles over the whole range, and the short decimals that offers hold (kW to two decimals, ratios). */
  private static List<Double> samples(SplittableRandom random) {
    List<Double> values = new ArrayList<>();
    while (values.size() < PER_SEED) {
      double any = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(any)) {
        values.add(any);
      }
      values.add(random.nextInt(-1_000_000, 1_000_000) / 100.0);
      values.add(random.nextInt(1, 1_000) * Math.pow(10, random.nextInt(-12, 25)));
    }
    return values;
  }

  /** ECMA-262 §7.1.12.1 by exact decimal search; independent of the library under test. */
  static String reference(double value) {
    if (value == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(value);
    for (int k = 1; k <= 17; k++) {
      Optional<BigDecimal> best = nearestThatReadsBack(exact, value, k);
      if (best.isPresent()) {
        return layout(best.get().stripTrailingZeros());
      }
    }
    throw new AssertionError("17 digits always read back: " + value);
  }

  private static Optional<BigDecimal> nearestThatReadsBack(BigDecimal exact, double value, int digits) {
    BigDecimal below = exact.round(new MathContext(digits, RoundingMode.FLOOR));
    BigDecimal above = exact.round(new MathContext(digits, RoundingMode.CEILING));
    boolean belowReads = below.doubleValue() == value;
    boolean aboveReads = above.doubleValue() == value;
    if (belowReads && aboveReads && below.compareTo(above) != 0) {
      int closer = exact.subtract(below).abs().compareTo(above.subtract(exact).abs());
      if (closer != 0) {
        return Optional.of(closer < 0 ? below : above);
      }
      return Optional.of(below.unscaledValue().testBit(0) ? above : below);
    }
    return belowReads ? Optional.of(below) : aboveReads ? Optional.of(above) : Optional.empty();
  }

  /** The layout of digits s (k of them) times 10^(n-k), as ECMA-262 §7.1.12.1 steps 6 to 10 give it. */
  private static String layout(BigDecimal decimal) {
    String sign = decimal.signum() < 0 ? "-" : "";
    String s = decimal.unscaledValue().abs().toString();
    int k = s.length();
    int n = k - decimal.scale();
    String text;
    if (k <= n && n <= 21) {
      text = s + "0".repeat(n - k);
    } else if (0 < n && n <= 21) {
      text = s.substring(0, n) + "." + s.substring(n);
    } else if (-6 < n && n <= 0) {
      text = "0." + "0".repeat(-n) + s;
    } else {
      int e = n - 1;
      text = (k == 1 ? s : s.charAt(0) + "." + s.substring(1)) + "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    }
    return sign + text;
  }
}
