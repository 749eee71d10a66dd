package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.uncertainty.PointEstimateMethod.Scheme;

class PointEstimateMethodTest {
  private static final ParallelEvaluator TWO_THREADS = new ParallelEvaluator(2);

  /** Y_j = a_j0 + Σ_k a_jk x_k: E = a_j0 + Σ a_jk μ_k and Var = Σ a_jk² σ_k², for either scheme. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void exactForLinearModels(long seed) {
    List<RandomInput> inputs = RandomInputs.mix(seed, 8);
    SplittableRandom rng = new SplittableRandom(seed + 100);
    double[][] a = new double[3][inputs.size() + 1];
    for (double[] row : a) {
      for (int k = 0; k < row.length; k++) {
        row[k] = rng.nextDouble(-3, 3);
      }
    }
    Function<double[], double[]> model = x -> {
      double[] y = new double[a.length];
      for (int j = 0; j < a.length; j++) {
        y[j] = a[j][0];
        for (int k = 0; k < x.length; k++) {
          y[j] += a[j][k + 1] * x[k];
        }
      }
      return y;
    };
    for (Scheme scheme : Scheme.values()) {
      UncertaintyResult result = new PointEstimateMethod(scheme, TWO_THREADS).estimate(inputs, model);
      for (int j = 0; j < a.length; j++) {
        double mean = a[j][0];
        double variance = 0;
        for (int k = 0; k < inputs.size(); k++) {
          mean += a[j][k + 1] * inputs.get(k).mean();
          variance += Math.pow(a[j][k + 1] * inputs.get(k).std(), 2);
        }
        assertThat(result.mean(j)).as(scheme + " mean").isCloseTo(mean, within(1e-10 * (1 + Math.abs(mean))));
        assertThat(result.std(j)).as(scheme + " std").isCloseTo(Math.sqrt(variance), within(1e-9 * (1 + Math.sqrt(variance))));
      }
    }
  }

  /** X ~ N(μ, σ), Y = X²: E[Y] = μ² + σ², Var[Y] = E[X⁴] − E[X²]² = 4μ²σ² + 2σ⁴. */
  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24})
  void twoMPlusOneIsExactForTheSquareOfANormalInput(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double mu = rng.nextDouble(-5, 5);
    double sigma = rng.nextDouble(0.1, 3);
    UncertaintyResult r = new PointEstimateMethod(Scheme.TWO_M_PLUS_ONE, TWO_THREADS)
        .estimate(List.of(new LoadInput(mu, sigma)), x -> new double[] {x[0] * x[0]});
    double variance = 4 * mu * mu * sigma * sigma + 2 * Math.pow(sigma, 4);
    assertThat(r.mean(0)).isCloseTo(mu * mu + sigma * sigma, within(1e-12 * (1 + mu * mu)));
    assertThat(r.output(0).variance()).isCloseTo(variance, within(1e-10 * variance));
    assertThat(r.evaluations()).isEqualTo(3);
  }

  /** With ξ = ±1 and w = 1/2, 2m sees E[X⁴] as μ⁴ + 6μ²σ² + σ⁴ and misses 2σ⁴ of Var[X²]. */
  @Test
  void twoMHasTheExactMeanButMissesTwoSigmaToTheFourthOfTheSquare() {
    double mu = 1.5;
    double sigma = 0.7;
    UncertaintyResult r = new PointEstimateMethod(Scheme.TWO_M, TWO_THREADS)
        .estimate(List.of(new LoadInput(mu, sigma)), x -> new double[] {x[0] * x[0]});
    assertThat(r.mean(0)).isCloseTo(mu * mu + sigma * sigma, within(1e-13));
    assertThat(r.output(0).variance()).isCloseTo(4 * mu * mu * sigma * sigma, within(1e-12));
    assertThat(r.evaluations()).isEqualTo(2);
  }

  /**
   * One skewed input X and Y = X²: 2m+1 matches the input's moments up to the fourth, so E[Y] =
   * σ² + μ² and Var[Y] = E[X⁴] − E[X²]² with E[X⁴] = μ4 + 4μμ3 + 6μ²σ² + μ⁴ are exact.
   */
  static List<RandomInput> skewedInputs() {
    return List.of(new SolarPvInput(4, 0.8, 3, 1.2), new SolarPvInput(5, 2, 0.7, 1),
        WindInput.fitted(1, WindTurbineCurve.withDefaultSpeeds(3)), new WindInput(1.4, 9, WindTurbineCurve.withDefaultSpeeds(7)));
  }

  @ParameterizedTest
  @MethodSource("skewedInputs")
  void twoMPlusOneIsExactForAQuadraticOfOneSkewedInput(RandomInput pv) {
    Moments m = pv.moments();
    double s2 = m.variance();
    double mu = m.mean();
    double ex2 = s2 + mu * mu;
    double ex4 = m.kurtosis() * s2 * s2 + 4 * mu * m.skewness() * s2 * m.std() + 6 * mu * mu * s2 + mu * mu * mu * mu;
    UncertaintyResult r = new PointEstimateMethod(Scheme.TWO_M_PLUS_ONE, TWO_THREADS)
        .estimate(List.of(pv), x -> new double[] {3 * x[0] * x[0] - x[0] + 2});
    assertThat(r.mean(0)).isCloseTo(3 * ex2 - mu + 2, within(1e-10 * ex2));
    double ex3 = m.skewness() * s2 * m.std() + 3 * mu * s2 + mu * mu * mu;
    double variance = 9 * (ex4 - ex2 * ex2) - 6 * (ex3 - ex2 * mu) + s2;
    assertThat(r.output(0).variance()).isCloseTo(variance, within(1e-9 * variance));
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void countsEvaluationsAndSkipsInputsWithoutVariance(Scheme scheme) {
    List<RandomInput> inputs = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      inputs.add(LoadInput.forecast(1 + k));
    }
    inputs.add(new FixedInput(4));
    inputs.add(SolarPvInput.fitted(0, 5));
    List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
    PointEstimateMethod pem = new PointEstimateMethod(scheme, TWO_THREADS);
    UncertaintyResult r = pem.estimate(inputs, x -> {
      assertThat(x[5]).isEqualTo(4);
      assertThat(x[6]).isZero();
      return new double[] {x[0]};
    }, (done, total) -> calls.add(done * 100 + total));
    int expected = scheme == Scheme.TWO_M ? 10 : 11;
    assertThat(r.evaluations()).isEqualTo(expected);
    List<Integer> reported = new ArrayList<>();
    for (int i = 1; i <= expected; i++) {
      reported.add(i * 100 + expected);
    }
    assertThat(calls).containsExactlyElementsOf(reported);
    EstimationPoints points = pem.points(inputs.stream().map(RandomInput::moments).toList());
    double sum = 0;
    for (int i = 0; i < points.size(); i++) {
      sum += points.weight(i);
    }
    assertThat(sum).isCloseTo(1, within(1e-14));
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void withoutRandomInputsTheModelRunsOnceAtTheValues(Scheme scheme) {
    UncertaintyResult r = new PointEstimateMethod(scheme, TWO_THREADS)
        .estimate(List.of(new FixedInput(2), new FixedInput(3)), x -> new double[] {x[0] * x[1]});
    assertThat(r.evaluations()).isEqualTo(1);
    assertThat(r.output(0)).isEqualTo(new OutputStatistics(6, 0));
  }

  /** Normal inputs: 2m+1 places the points at μ ± √3σ with weights 1/6 and the centre at 1 − m/3. */
  @Test
  void twoMPlusOnePointsForNormalInputs() {
    List<Moments> inputs = List.of(Moments.normal(1, 2), Moments.normal(-1, 0.5));
    EstimationPoints p = new PointEstimateMethod(Scheme.TWO_M_PLUS_ONE, TWO_THREADS).points(inputs);
    assertThat(p.size()).isEqualTo(5);
    assertThat(p.point(0)).containsExactly(1, -1);
    assertThat(p.weight(0)).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(p.point(1)[0]).isCloseTo(1 + 2 * Math.sqrt(3), within(1e-14));
    assertThat(p.point(2)[0]).isCloseTo(1 - 2 * Math.sqrt(3), within(1e-14));
    assertThat(p.point(4)[1]).isCloseTo(-1 - 0.5 * Math.sqrt(3), within(1e-14));
    assertThat(p.weight(3)).isCloseTo(1.0 / 6, within(1e-15));
  }

  /** Skewed input, 2m with m = 2: ξ = λ3/2 ± √(2 + λ3²/4) and, per input, Σ w = 1/m, Σ w ξ = 0, Σ w ξ² = 1 and
   * Σ w ξ³ = λ3 (−ξ1ξ2 = m). */
  @Test
  void twoMPointsOfASkewedInput() {
    List<Moments> inputs = List.of(new Moments(0, 1, 1.2, 5), Moments.normal(0, 1));
    EstimationPoints p = new PointEstimateMethod(Scheme.TWO_M, TWO_THREADS).points(inputs);
    double root = Math.sqrt(2 + 0.36);
    assertThat(p.point(0)[0]).isCloseTo(0.6 + root, within(1e-14));
    assertThat(p.point(1)[0]).isCloseTo(0.6 - root, within(1e-14));
    double w1 = p.weight(0);
    double w2 = p.weight(1);
    assertThat(w1 * p.point(0)[0] + w2 * p.point(1)[0]).isCloseTo(0, within(1e-15));
    assertThat(w1 + w2).isCloseTo(0.5, within(1e-15));
    assertThat(w1 * Math.pow(p.point(0)[0], 2) + w2 * Math.pow(p.point(1)[0], 2)).isCloseTo(1, within(1e-14));
    assertThat(w1 * Math.pow(p.point(0)[0], 3) + w2 * Math.pow(p.point(1)[0], 3)).isCloseTo(1.2, within(1e-14));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    List<RandomInput> inputs = RandomInputs.mix(5, 8);
    Function<double[], double[]> model = x -> new double[] {Math.exp(0.1 * x[0]) * x[x.length - 1], Math.sin(x[0])};
    for (Scheme scheme : Scheme.values()) {
      UncertaintyResult one = new PointEstimateMethod(scheme, new ParallelEvaluator(1)).estimate(inputs, model);
      UncertaintyResult four = new PointEstimateMethod(scheme, new ParallelEvaluator(4)).estimate(inputs, model);
      assertThat(four).isEqualTo(one);
    }
  }

  @Test
  void modelFailuresAndInconsistentOutputsSurface() {
    List<RandomInput> inputs = List.of(LoadInput.forecast(3), LoadInput.forecast(4));
    PointEstimateMethod pem = new PointEstimateMethod(Scheme.TWO_M, TWO_THREADS);
    assertThatThrownBy(() -> pem.estimate(inputs, x -> {
      throw new IllegalStateException("infeasible LP");
    })).isInstanceOf(IllegalStateException.class).hasMessage("infeasible LP");
    assertThatThrownBy(() -> pem.estimate(inputs, x -> new double[x[0] > 3 ? 1 : 2]))
        .hasMessageContaining("different lengths");
  }
}
