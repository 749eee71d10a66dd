package org.peergrid.market.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * PEM 2m+1 with common weather against a 500-sample Monte Carlo on the bundled example (the
 * 10 000-sample comparison of docs/uncertainty.md takes minutes). Tolerances, fixed before running
 * and derived from the Monte Carlo's own standard errors: the PEM mean within 4 standard errors of
 * the sample mean (σ/√n), the PEM standard deviation within 4 standard errors of the sample one
 * (σ/√(2(n − 1)), about 3.2 % each). PEM must cost 73 clearings, ≥ 100× fewer than 10 000.
 */
class CommonWeatherPemVersusMonteCarloTest {
  @Test
  void pemTwoMPlusOneAgreesWithMonteCarloOnTheBundledExample() {
    Scenario s = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples",
        "ieee33-community", "scenario.yaml"));
    ProbabilisticClearing clearing = new ProbabilisticClearing(new DlmpMechanism(), new ParallelEvaluator(2));
    DayUncertainty pem = clearing.pointEstimate(s, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    int n = 500;
    DayUncertainty mc = clearing.monteCarlo(s, n, 1, ProgressListener.NONE);
    assertThat(pem.result().evaluations()).isEqualTo(73);
    assertThat(pem.result().failedEvaluations()).isZero();
    assertThat(mc.result().failedEvaluations()).isZero();
    double sigma = mc.totalCostStd();
    assertThat(pem.totalCostMean()).isCloseTo(mc.totalCostMean(), within(4 * sigma / Math.sqrt(n)));
    assertThat(pem.totalCostStd()).isCloseTo(sigma, within(4 * sigma / Math.sqrt(2.0 * (n - 1))));
  }
}
