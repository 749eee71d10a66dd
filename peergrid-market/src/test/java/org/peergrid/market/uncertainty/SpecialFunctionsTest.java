package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The library special functions (Apache Commons Numbers) as the uncertainty inputs call them. */
class SpecialFunctionsTest {

  @Test
  void logGammaMatchesFactorialsAndHalfIntegers() {
    assertThat(LogGamma.value(1)).isCloseTo(0, within(1e-15));
    assertThat(LogGamma.value(2)).isCloseTo(0, within(1e-15));
    assertThat(LogGamma.value(10)).isCloseTo(Math.log(362880), within(1e-13));
    assertThat(LogGamma.value(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(LogGamma.value(2.5)).isCloseTo(Math.log(0.75 * Math.sqrt(Math.PI)), within(1e-14));
    // Γ(0.1) = 9.513507698668731836...
    assertThat(LogGamma.value(0.1)).isCloseTo(Math.log(9.513507698668732), within(1e-14));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.2, 0.5, 0.77, 0.999})
  void incompleteBetaClosedForms(double x) {
    assertThat(RegularizedBeta.value(x, 1, 1)).isCloseTo(x, within(1e-14));
    assertThat(RegularizedBeta.value(x, 3.5, 1)).isCloseTo(Math.pow(x, 3.5), within(1e-14));
    assertThat(RegularizedBeta.value(x, 1, 2.5)).isCloseTo(1 - Math.pow(1 - x, 2.5), within(1e-14));
    // I_x(2, 2) = 3x² − 2x³
    assertThat(RegularizedBeta.value(x, 2, 2)).isCloseTo(3 * x * x - 2 * x * x * x, within(1e-14));
  }

  @ParameterizedTest
  @CsvSource({"0.3, 0.7, 0.4", "5, 2, 0.9", "0.5, 40, 0.01", "12, 12, 0.6"})
  void incompleteBetaIsSymmetricAndHalfAtTheMedianOfSymmetricShapes(double a, double b, double x) {
    assertThat(RegularizedBeta.value(x, a, b) + RegularizedBeta.value(1 - x, b, a))
        .isCloseTo(1, within(1e-14));
    assertThat(RegularizedBeta.value(0.5, a, a)).isCloseTo(0.5, within(1e-14));
  }
}
