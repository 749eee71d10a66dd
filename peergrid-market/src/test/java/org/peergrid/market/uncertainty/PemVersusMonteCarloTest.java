package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.uncertainty.PointEstimateMethod.Scheme;

/**
 * PEM against a 100 000-sample Monte Carlo on a small nonlinear "community" model: two Beta PV, two
 * Weibull wind and two normal loads feed a net import n = Σ load − Σ PV − Σ wind, which sets a
 * quadratic cost n·(4 + 0.05n), a voltage 1.03 − 0.005n − 0.0002n² and an exponential price
 * 4·exp(0.03n). The tolerances, fixed before running: relative error of the mean below 0.5 % and of
 * the standard deviation below 3 % (2m+1) and 5 % (2m); the Monte Carlo's own standard error is
 * about 0.2 % of the standard deviation.
 */
class PemVersusMonteCarloTest {
  private static final List<RandomInput> INPUTS = List.of(
      SolarPvInput.fitted(2, 4), SolarPvInput.fitted(1.2, 3, 0.3),
      WindInput.fitted(1, WindTurbineCurve.withDefaultSpeeds(3)), WindInput.fitted(0.6, WindTurbineCurve.withDefaultSpeeds(2)),
      LoadInput.forecast(5), LoadInput.forecast(4, 0.15));

  /** A static method, not a lambda field: worker threads must not wait on this class's initialization. */
  private static final Function<double[], double[]> MODEL = PemVersusMonteCarloTest::community;

  private static UncertaintyResult mc;

  private static double[] community(double[] x) {
    double net = x[4] + x[5] - x[0] - x[1] - x[2] - x[3];
    return new double[] {net * (4 + 0.05 * net), 1.03 - 0.005 * net - 0.0002 * net * net, 4 * Math.exp(0.03 * net)};
  }

  @BeforeAll
  static void runMonteCarlo() {
    mc = new MonteCarlo(100_000, 2024, ParallelEvaluator.allCores()).estimate(INPUTS, MODEL);
  }

  @Test
  void twoMPlusOneAgreesWithMonteCarlo() {
    UncertaintyResult pem = new PointEstimateMethod(Scheme.TWO_M_PLUS_ONE).estimate(INPUTS, MODEL);
    UncertaintyComparison c = UncertaintyComparison.of(pem, mc);
    assertThat(pem.evaluations()).isEqualTo(13);
    assertThat(c.maxRelativeMeanError()).isLessThan(0.005);
    assertThat(c.maxRelativeStdError()).isLessThan(0.03);
  }

  @Test
  void twoMAgreesWithMonteCarlo() {
    UncertaintyResult pem = new PointEstimateMethod(Scheme.TWO_M).estimate(INPUTS, MODEL);
    UncertaintyComparison c = UncertaintyComparison.of(pem, mc);
    assertThat(pem.evaluations()).isEqualTo(12);
    assertThat(c.maxRelativeMeanError()).isLessThan(0.005);
    assertThat(c.maxRelativeStdError()).isLessThan(0.05);
  }

  @Test
  void comparisonReportsSignedAndRelativeErrors() {
    UncertaintyResult estimate = new UncertaintyResult(List.of(new OutputStatistics(10.5, 4), new OutputStatistics(0, 0)), 5);
    UncertaintyResult reference = new UncertaintyResult(List.of(new OutputStatistics(10, 6.25), new OutputStatistics(0, 0)), 100);
    UncertaintyComparison c = UncertaintyComparison.of(estimate, reference);
    assertThat(c.output(0).meanError()).isEqualTo(0.5);
    assertThat(c.output(0).stdError()).isEqualTo(-0.5);
    assertThat(c.output(0).relativeMeanError()).isCloseTo(0.05, within(1e-15));
    assertThat(c.output(0).relativeStdError()).isCloseTo(0.2, within(1e-15));
    assertThat(c.output(0).meanErrorInStandardErrors()).isCloseTo(2, within(1e-15));
    assertThat(c.output(1).relativeMeanError()).isZero();
    assertThat(c.maxRelativeStdError()).isCloseTo(0.2, within(1e-15));
  }
}
