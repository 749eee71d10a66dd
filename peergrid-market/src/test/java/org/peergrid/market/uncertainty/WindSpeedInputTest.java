package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared wind speed of common weather: Weibull moments against closed forms and samples. */
class WindSpeedInputTest {

  /** k = 2 is the Rayleigh distribution: μ = c√π/2, σ² = c²(1 − π/4), λ3 ≈ 0.631111, λ4 ≈ 3.245089. */
  @Test
  void rayleighHasItsClosedFormMoments() {
    WindSpeedInput v = new WindSpeedInput(2, 7);
    assertThat(v.mean()).isCloseTo(7 * Math.sqrt(Math.PI) / 2, within(1e-10));
    assertThat(v.std()).isCloseTo(7 * Math.sqrt(1 - Math.PI / 4), within(1e-10));
    double skew = 2 * Math.sqrt(Math.PI) * (Math.PI - 3) / Math.pow(4 - Math.PI, 1.5);
    assertThat(v.skewness()).isCloseTo(skew, within(1e-9));
    double excess = -(6 * Math.PI * Math.PI - 24 * Math.PI + 16) / Math.pow(4 - Math.PI, 2);
    assertThat(v.excessKurtosis()).isCloseTo(excess, within(1e-9));
  }

  /** k = 1 is the exponential distribution: μ = σ = c, λ3 = 2, λ4 = 9. */
  @Test
  void shapeOneIsExponential() {
    WindSpeedInput v = new WindSpeedInput(1, 3);
    assertThat(v.mean()).isCloseTo(3, within(1e-10));
    assertThat(v.std()).isCloseTo(3, within(1e-10));
    assertThat(v.skewness()).isCloseTo(2, within(1e-9));
    assertThat(v.kurtosis()).isCloseTo(9, within(1e-8));
  }

  /** Samples against the moments, within 5 standard errors of a 200 000-draw mean and variance. */
  @ParameterizedTest
  @ValueSource(doubles = {1.5, 2, 3.2})
  void samplesHaveTheMoments(double shape) {
    WindSpeedInput v = new WindSpeedInput(shape, 1);
    SplittableRandom rng = new SplittableRandom(7);
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double x = v.sample(rng);
      sum += x;
      squares += x * x;
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    assertThat(mean).isCloseTo(v.mean(), within(5 * v.std() / Math.sqrt(n)));
    // Var of the sample variance ≈ σ⁴(λ4 − 1)/n
    assertThat(variance).isCloseTo(v.moments().variance(),
        within(5 * v.moments().variance() * Math.sqrt((v.kurtosis() - 1) / n)));
  }

  @Test
  void refusesShapesAndScalesThatAreNotPositive() {
    assertThatThrownBy(() -> new WindSpeedInput(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WindSpeedInput(2, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
