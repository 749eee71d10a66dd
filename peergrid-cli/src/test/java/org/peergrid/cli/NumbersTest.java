package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report files' fast number formatting writes exactly what the BigDecimal definition writes
 * ({@link Numbers#slowPlain}), on seeded random values of every kind the reports hold: LP
 * schedules and prices with round-off, money, voltages, values on or next to the 1e-9 grid and its
 * half-way points, tiny and large values, both signs.
 */
class NumbersTest {
  private static final int VALUES = 50_000;

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("uniform 0..1", (DoubleUnaryOperator) u -> u),
        Arguments.of("uniform 0..1000 (kW, money)", (DoubleUnaryOperator) u -> 1000 * u),
        Arguments.of("uniform 0..2^20", (DoubleUnaryOperator) u -> (1 << 20) * u),
        Arguments.of("large 2^20..1e12 (BigDecimal path)", (DoubleUnaryOperator) u -> (1 << 20) + 1e12 * u),
        Arguments.of("log-uniform 1e-12..1e6", (DoubleUnaryOperator) u -> Math.pow(10, -12 + 18 * u)),
        Arguments.of("three decimals (profiles)", (DoubleUnaryOperator) u -> Math.round(u * 1e6) / 1000.0),
        Arguments.of("three decimals times 0.95 (efficiencies)",
            (DoubleUnaryOperator) u -> Math.round(u * 1e6) / 1000.0 * 0.95),
        Arguments.of("on the 1e-9 grid", (DoubleUnaryOperator) u -> Math.round(u * 1e13) / 1e9),
        Arguments.of("half-way points of the 1e-9 grid", (DoubleUnaryOperator) u -> (Math.round(u * 1e13) + 0.5) / 1e9),
        Arguments.of("next to half-way points", (DoubleUnaryOperator) u -> Math.nextUp((Math.floor(u * 1e10) + 0.5) / 1e9)),
        Arguments.of("LP round-off around 0", (DoubleUnaryOperator) u -> (u - 0.5) * 1e-8),
        Arguments.of("one ninth of the grid", (DoubleUnaryOperator) u -> Math.round(u * 1e7) / 9.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void fastPlainEqualsTheBigDecimalDefinition(String kind, DoubleUnaryOperator draw) {
    SplittableRandom random = new SplittableRandom(kind.hashCode());
    for (int i = 0; i < VALUES; i++) {
      double v = draw.applyAsDouble(random.nextDouble());
      if (random.nextBoolean()) {
        v = -v;
      }
      assertThat(Numbers.plain(v)).as("value %s (%s)", Double.toString(v), kind).isEqualTo(Numbers.slowPlain(v));
    }
  }

  @Test
  void specialValues() {
    double[] values = {0.0, -0.0, 1, -1, 0.5, 5e-10, -5e-10, 4e-10, 1.5e-9, 2.5e-9, 0.1, 0.2, 0.3, 908.3333333333334,
      1e-9, 9.999999999e-1, 0.9999999995, 1 << 20, Math.nextDown(1 << 20), 123456.789012345, Double.MIN_VALUE,
      Double.MAX_VALUE / 1e300};
    for (double v : values) {
      assertThat(Numbers.plain(v)).as("value %s", Double.toString(v)).isEqualTo(Numbers.slowPlain(v));
      assertThat(Numbers.plain(-v)).as("value %s", Double.toString(-v)).isEqualTo(Numbers.slowPlain(-v));
    }
    assertThat(Numbers.plain(908.3333333333334)).isEqualTo("908.333333333");
    assertThat(Numbers.plain(5.0)).isEqualTo("5");
    assertThat(Numbers.plain(-0.0)).isEqualTo("0");
    assertThat(Numbers.plain(100)).isEqualTo("100");
    assertThat(Numbers.plain(0.00000012)).isEqualTo("0.00000012");
  }
}
