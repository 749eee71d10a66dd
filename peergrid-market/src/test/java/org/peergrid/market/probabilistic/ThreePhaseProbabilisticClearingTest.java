package org.peergrid.market.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.uncertainty.MonteCarlo;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * Uncertainty on the IEEE 13-node example (docs/uncertainty.md, "Three-phase feeders"): common weather
 * makes one irradiance per sunny hour, m = 12, so PEM 2m+1 is 25 clearings of the three-phase day.
 */
class ThreePhaseProbabilisticClearingTest {
  private static ThreePhaseScenario scenario;

  @BeforeAll
  static void load() {
    scenario = ScenarioLoader.loadThreePhase(ThreePhaseExample.SCENARIO);
  }

  /**
   * PEM 2m+1 against a 150-sample Monte Carlo (about 20 s on 2 cores; the measurement in the docs has
   * more samples). Tolerances fixed before running, from the Monte Carlo's own standard errors as in
   * {@code CommonWeatherPemVersusMonteCarloTest}: the mean within 4 σ/√n, the standard deviation within
   * 4 σ/√(2(n − 1)).
   */
  @Test
  void pemTwoMPlusOneAgreesWithMonteCarlo() {
    ProbabilisticClearing clearing = new ProbabilisticClearing(new DlmpMechanism(), new ParallelEvaluator(2));
    DayUncertainty pem = clearing.pointEstimate(scenario, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE);
    int n = 150;
    DayUncertainty mc = clearing.monteCarlo(scenario, n, 1, ProgressListener.NONE);
    assertThat(pem.inputs().size()).isEqualTo(12);
    assertThat(pem.result().evaluations()).isEqualTo(25);
    assertThat(pem.result().failedEvaluations()).isZero();
    assertThat(mc.result().failedEvaluations()).isZero();
    double sigma = mc.totalCostStd();
    assertThat(sigma).isPositive();
    assertThat(pem.totalCostMean()).isCloseTo(mc.totalCostMean(), within(4 * sigma / Math.sqrt(n)));
    assertThat(pem.totalCostStd()).isCloseTo(sigma, within(4 * sigma / Math.sqrt(2.0 * (n - 1))));
    // every phase node is a price point, named by bus and phase as in phase_prices.csv
    DayOutputs o = pem.layout();
    assertThat(o.pointNames()).contains("675.a", "675.b", "675.c", "611.c", "652.a");
    assertThat(o.size()).isEqualTo(2 + scenario.participants().size() + 24 * o.pointNames().size());
  }

  /**
   * The model and sensitivities built once per thread and reused (warm) against a clearing built from
   * the script up for every sample (cold): the same costs, DLMPs and lowest voltage to 1e-7 on seeded
   * samples; the LP is the same, only its construction is shared.
   */
  @Test
  void reusedModelGivesTheSameOutputsAsAColdClearing() {
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    List<RandomInput> random = inputs.inputs();
    try (ThreePhaseClearingModel warm = new ThreePhaseClearingModel(scenario, inputs, new DlmpMechanism(), true);
        ThreePhaseClearingModel cold = new ThreePhaseClearingModel(scenario, inputs, new DlmpMechanism(), false)) {
      for (int i = 0; i < 4; i++) {
        RandomGenerator rng = MonteCarlo.generator(7, i);
        double[] x = random.stream().mapToDouble(r -> r.sample(rng)).toArray();
        double[] w = warm.apply(x);
        double[] c = cold.apply(x);
        assertThat(w).as("sample %d warm", i).isNotNull();
        assertThat(c).as("sample %d cold", i).isNotNull();
        for (int j = 0; j < c.length; j++) {
          assertThat(w[j]).as("sample %d output %d", i, j).isCloseTo(c[j], within(1e-7 * Math.max(1, Math.abs(c[j]))));
        }
      }
    }
  }
}
