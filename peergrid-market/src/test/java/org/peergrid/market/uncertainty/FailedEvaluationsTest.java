package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.uncertainty.PointEstimateMethod.Scheme;

/** A model that returns null (an infeasible day) is counted, and MC conditions on success. */
class FailedEvaluationsTest {
  private static final List<RandomInput> INPUTS = List.of(LoadInput.forecast(10), SolarPvInput.fitted(3, 6));
  /** "Infeasible" when the load exceeds 11 kW, about 16 % of the draws. */
  private static final Function<double[], double[]> MODEL = FailedEvaluationsTest::model;

  private static double[] model(double[] x) {
    return x[0] > 11 ? null : new double[] {x[0] - x[1], x[1] * x[1]};
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void monteCarloLeavesFailedSamplesOutAndCountsThem(int threads) {
    int n = 2_000;
    UncertaintyResult r = new MonteCarlo(n, 11, new ParallelEvaluator(threads)).estimate(INPUTS, MODEL);
    // The same statistics straight from the samples that succeed.
    int failed = 0;
    double sum = 0;
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double[] y = model(MonteCarlo.sample(INPUTS, 11, i));
      if (y == null) {
        failed++;
      } else {
        sum += y[0];
        sumSquares += y[0] * y[0];
      }
    }
    int ok = n - failed;
    double mean = sum / ok;
    assertThat(failed).isBetween(200, 450);
    assertThat(r.evaluations()).isEqualTo(n);
    assertThat(r.failedEvaluations()).isEqualTo(failed);
    assertThat(r.successfulEvaluations()).isEqualTo(ok);
    assertThat(r.hasStatistics()).isTrue();
    assertThat(r.mean(0)).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-10));
    assertThat(r.output(0).variance())
        .isCloseTo((sumSquares - ok * mean * mean) / (ok - 1), org.assertj.core.api.Assertions.within(1e-8));
  }

  @Test
  void monteCarloWithoutTwoSuccessesHasNoStatistics() {
    UncertaintyResult r = new MonteCarlo(300, 1, new ParallelEvaluator(2)).estimate(INPUTS, x -> null);
    assertThat(r.failedEvaluations()).isEqualTo(300);
    assertThat(r.hasStatistics()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Scheme.class)
  void oneFailedPointLeavesThePointEstimateWithoutStatistics(Scheme scheme) {
    // Fails only at the upper load point, μ + ξσ with ξ > 0.
    UncertaintyResult r = new PointEstimateMethod(scheme, new ParallelEvaluator(2))
        .estimate(INPUTS, x -> x[0] > 10.5 ? null : new double[] {x[0], x[1]});
    assertThat(r.failedEvaluations()).isEqualTo(1);
    assertThat(r.evaluations()).isEqualTo(scheme == Scheme.TWO_M ? 4 : 5);
    assertThat(r.hasStatistics()).isFalse();
    assertThat(r.mean(0)).isNaN();
  }
}
