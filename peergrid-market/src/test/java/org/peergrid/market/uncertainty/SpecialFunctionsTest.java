package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

  @Test
  void logGammaMatchesFactorialsAndHalfIntegers() {
    assertThat(SpecialFunctions.logGamma(1)).isCloseTo(0, within(1e-15));
    assertThat(SpecialFunctions.logGamma(2)).isCloseTo(0, within(1e-15));
    assertThat(SpecialFunctions.logGamma(10)).isCloseTo(Math.log(362880), within(1e-13));
    assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(SpecialFunctions.logGamma(2.5)).isCloseTo(Math.log(0.75 * Math.sqrt(Math.PI)), within(1e-14));
    // Γ(0.1) = 9.513507698668731836...
    assertThat(SpecialFunctions.logGamma(0.1)).isCloseTo(Math.log(9.513507698668732), within(1e-14));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.2, 0.5, 0.77, 0.999})
  void incompleteBetaClosedForms(double x) {
    assertThat(SpecialFunctions.regularizedBeta(x, 1, 1)).isCloseTo(x, within(1e-14));
    assertThat(SpecialFunctions.regularizedBeta(x, 3.5, 1)).isCloseTo(Math.pow(x, 3.5), within(1e-14));
    assertThat(SpecialFunctions.regularizedBeta(x, 1, 2.5)).isCloseTo(1 - Math.pow(1 - x, 2.5), within(1e-14));
    // I_x(2, 2) = 3x² − 2x³
    assertThat(SpecialFunctions.regularizedBeta(x, 2, 2)).isCloseTo(3 * x * x - 2 * x * x * x, within(1e-14));
  }

  @ParameterizedTest
  @CsvSource({"0.3, 0.7, 0.4", "5, 2, 0.9", "0.5, 40, 0.01", "12, 12, 0.6"})
  void incompleteBetaIsSymmetricAndHalfAtTheMedianOfSymmetricShapes(double a, double b, double x) {
    assertThat(SpecialFunctions.regularizedBeta(x, a, b) + SpecialFunctions.regularizedBeta(1 - x, b, a))
        .isCloseTo(1, within(1e-14));
    assertThat(SpecialFunctions.regularizedBeta(0.5, a, a)).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void gaussLegendreIsExactToDegreeTwoNMinusOne() {
    GaussLegendre rule = new GaussLegendre(5);
    // ∫_0^2 x^9 dx = 2^10/10
    assertThat(rule.integrate(x -> Math.pow(x, 9), 0, 2, 1)).isCloseTo(102.4, within(1e-12));
    // a degree-10 polynomial is not integrated exactly by one 5-point panel
    assertThat(Math.abs(rule.integrate(x -> Math.pow(x, 10), 0, 2, 1) - 2048.0 / 11)).isGreaterThan(1e-6);
    assertThat(new GaussLegendre(16).integrate(Math::exp, -1, 3, 4)).isCloseTo(Math.exp(3) - Math.exp(-1), within(1e-13));
  }
}
