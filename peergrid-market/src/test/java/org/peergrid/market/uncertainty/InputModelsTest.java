package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InputModelsTest {

  /** Beta(α, β) with random shapes: the power P_r·s has the Beta's closed-form moments. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void pvWithoutClippingHasTheBetaMoments(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double a = 0.3 + 8 * rng.nextDouble();
    double b = 0.3 + 8 * rng.nextDouble();
    double rated = 1 + 10 * rng.nextDouble();
    SolarPvInput pv = new SolarPvInput(rated, a, b, 1);
    double s = a + b;
    assertThat(pv.mean()).isCloseTo(rated * a / s, within(1e-12 * rated));
    assertThat(pv.std()).isCloseTo(rated * Math.sqrt(a * b / (s * s * (s + 1))), within(1e-12 * rated));
    assertThat(pv.skewness()).isCloseTo(2 * (b - a) * Math.sqrt(s + 1) / ((s + 2) * Math.sqrt(a * b)), within(1e-9));
    double excess = 6 * ((a - b) * (a - b) * (s + 1) - a * b * (s + 2)) / (a * b * (s + 2) * (s + 3));
    assertThat(pv.excessKurtosis()).isCloseTo(excess, within(1e-9));
    assertThat(pv.probabilityRated()).isZero();
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void clippedPvMatchesALargeSample(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    SolarPvInput pv = new SolarPvInput(5, 1 + 4 * rng.nextDouble(), 1 + 4 * rng.nextDouble(), 1.1 + 0.3 * rng.nextDouble());
    assertThat(pv.probabilityRated()).isGreaterThan(0.001);
    MomentChecks.assertMatchesSample(pv, 400_000, seed);
    double atRated = IntStream.range(0, 400_000).mapToDouble(i -> pv.sample(rng)).filter(p -> p == 5).count() / 400_000.0;
    double p = pv.probabilityRated();
    assertThat(Math.abs(atRated - p)).isLessThanOrEqualTo(5 * Math.sqrt(p * (1 - p) / 400_000));
  }

  @Test
  void fittedPvHasTheForecastAsMeanAndCvTimesForecastAsStd() {
    RandomInput pv = SolarPvInput.fitted(2.4, 6, 0.25);
    assertThat(pv).isInstanceOf(SolarPvInput.class);
    assertThat(pv.mean()).isCloseTo(2.4, within(1e-12));
    assertThat(pv.std()).isCloseTo(0.6, within(1e-12));
    assertThat(SolarPvInput.fitted(2.4, 6).std()).isCloseTo(SolarPvInput.DEFAULT_CV * 2.4, within(1e-12));
    assertThat(SolarPvInput.fitted(0, 6)).isEqualTo(new FixedInput(0));
    // mean fraction 0.9 allows cv < √(0.1/0.9) = 0.333
    assertThatThrownBy(() -> SolarPvInput.fitted(5.4, 6, 0.34)).hasMessageContaining("cv must be below 0.33");
    assertThatThrownBy(() -> SolarPvInput.fitted(7, 6, 0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Tiny cut-in, huge rated and cut-out speeds: P = P_r·v/v_r, a scaled Weibull. */
  @Test
  void windOnAnUnboundedLinearCurveHasTheWeibullMoments() {
    double c = 7;
    WindTurbineCurve curve = new WindTurbineCurve(1e-9, 1000 * c, 2000 * c, 1000 * c); // P = v
    WindInput rayleigh = new WindInput(2, c, curve);
    double g1 = Math.sqrt(Math.PI) / 2;
    assertThat(rayleigh.mean()).isCloseTo(c * g1, within(1e-9));
    assertThat(rayleigh.std()).isCloseTo(c * Math.sqrt(1 - g1 * g1), within(1e-9));
    double pi = Math.PI;
    assertThat(rayleigh.skewness()).isCloseTo(2 * Math.sqrt(pi) * (pi - 3) / Math.pow(4 - pi, 1.5), within(1e-8));
    assertThat(rayleigh.excessKurtosis()).isCloseTo(-(6 * pi * pi - 24 * pi + 16) / Math.pow(4 - pi, 2), within(1e-8));
    WindInput exponential = new WindInput(1, c, curve);
    assertThat(exponential.mean()).isCloseTo(c, within(1e-9));
    assertThat(exponential.std()).isCloseTo(c, within(1e-9));
    assertThat(exponential.skewness()).isCloseTo(2, within(1e-8));
    assertThat(exponential.kurtosis()).isCloseTo(9, within(1e-7));
  }

  static Stream<WindInput> windInputs() {
    SplittableRandom rng = new SplittableRandom(99);
    return IntStream.range(0, 4).mapToObj(i -> new WindInput(
        1.5 + 1.5 * rng.nextDouble(), 4 + 8 * rng.nextDouble(), WindTurbineCurve.withDefaultSpeeds(10 + 90 * rng.nextDouble())));
  }

  @ParameterizedTest
  @MethodSource("windInputs")
  void windMatchesALargeSampleIncludingThePointMasses(WindInput wind) {
    MomentChecks.assertMatchesSample(wind, 400_000, 7);
    SplittableRandom rng = new SplittableRandom(8);
    int n = 400_000;
    double[] p = IntStream.range(0, n).mapToDouble(i -> wind.sample(rng)).toArray();
    double zero = java.util.Arrays.stream(p).filter(v -> v == 0).count() / (double) n;
    double full = java.util.Arrays.stream(p).filter(v -> v == wind.curve().ratedKw()).count() / (double) n;
    assertThat(Math.abs(zero - wind.probabilityZero())).isLessThanOrEqualTo(5 * Math.sqrt(0.25 / n));
    assertThat(Math.abs(full - wind.probabilityRated())).isLessThanOrEqualTo(5 * Math.sqrt(0.25 / n));
  }

  @Test
  void windPointMassesHaveTheirClosedForms() {
    WindInput wind = new WindInput(2, 8, WindTurbineCurve.withDefaultSpeeds(50));
    assertThat(wind.probabilityZero()).isCloseTo(1 - Math.exp(-9.0 / 64) + Math.exp(-625.0 / 64), within(1e-15));
    assertThat(wind.probabilityRated()).isCloseTo(Math.exp(-144.0 / 64) - Math.exp(-625.0 / 64), within(1e-15));
    assertThat(wind.power(2.9)).isZero();
    assertThat(wind.power(7.5)).isCloseTo(25, within(1e-12));
    assertThat(wind.power(24.9)).isEqualTo(50);
    assertThat(wind.power(25)).isZero();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.01, 0.1, 0.25, 0.4})
  void fittedWindHasTheForecastAsMeanPower(double fraction) {
    WindTurbineCurve curve = WindTurbineCurve.withDefaultSpeeds(20);
    WindInput wind = (WindInput) WindInput.fitted(fraction * 20, curve);
    assertThat(wind.shape()).isEqualTo(2);
    assertThat(wind.mean()).isCloseTo(fraction * 20, within(1e-9));
    // the rising branch: a slightly larger scale gives more power
    assertThat(new WindInput(2, wind.scale() * 1.01, curve).mean()).isGreaterThan(wind.mean());
  }

  @Test
  void windForecastAboveTheReachableMeanIsRejected() {
    WindTurbineCurve curve = WindTurbineCurve.withDefaultSpeeds(20);
    assertThatThrownBy(() -> WindInput.fitted(19, curve)).hasMessageContaining("exceeds the largest mean power");
    assertThat(WindInput.fitted(0, curve)).isEqualTo(new FixedInput(0));
  }

  @Test
  void loadIsNormalAroundTheForecast() {
    LoadInput load = LoadInput.forecast(8, 0.15);
    assertThat(load.moments()).isEqualTo(new Moments(8, 1.2, 0, 3));
    assertThat(LoadInput.forecast(8).std()).isCloseTo(0.8, within(1e-15));
    MomentChecks.assertMatchesSample(load, 200_000, 3);
  }

  @Test
  void momentsRejectKurtosisBelowPearsonsBound() {
    assertThatThrownBy(() -> new Moments(0, 1, 1, 1.5)).hasMessageContaining("Pearson");
    assertThat(new Moments(0, 1, 1, 2).excessKurtosis()).isEqualTo(-1);
  }
}
