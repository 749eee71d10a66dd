package org.peergrid.market.probabilistic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * The uncertainty paths with warm re-solves (one {@code WarmSolvers} per worker thread) against the
 * cold path ({@code warm = false}) on the bundled example, whose days are AC-corrected: the total
 * cost, each participant's cost and each DLMP the same to 1e-7 (relative where it is money), sample
 * by sample and for a short Monte Carlo on two threads.
 *
 * <p>Not the lowest AC voltage: the example's LP is degenerate (tied schedules, e.g. which
 * building curtails or when a battery charges inside a flat tariff block), warm and cold solves
 * stop at different optimal vertices, and the voltages of tied schedules differ (by up to 0.002
 * p.u. on these samples). There both are only held to the network's V^min, which AC correction
 * guarantees for every optimal schedule it accepts.
 */
class WarmProbabilisticClearingTest {
  private static final double TOLERANCE = 1e-7;
  private static Scenario example;
  private static ScenarioInputs inputs;

  @BeforeAll
  static void load() {
    example = ScenarioLoader.load(Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community",
        "scenario.yaml"));
    inputs = ScenarioInputs.of(example);
  }

  private static double[] draw(SplittableRandom rng) {
    return inputs.inputs().stream().mapToDouble(input -> input.sample(rng)).toArray();
  }

  private static void assertSameOutputs(double[] warm, double[] cold) {
    assertThat(warm).isNotNull();
    assertThat(cold).isNotNull();
    assertThat(warm).hasSameSizeAs(cold);
    double vmin = example.network().vminPu() - AcCheck.VOLTAGE_TOLERANCE_PU;
    assertThat(warm[DayOutputs.VMIN]).as("lowest AC voltage warm").isGreaterThanOrEqualTo(vmin);
    assertThat(cold[DayOutputs.VMIN]).as("lowest AC voltage cold").isGreaterThanOrEqualTo(vmin);
    List<String> differ = new ArrayList<>();
    for (int j = 0; j < cold.length; j++) {
      if (j != DayOutputs.VMIN && Math.abs(warm[j] - cold[j]) > TOLERANCE * Math.max(1, Math.abs(cold[j]))) {
        differ.add(j + ": " + warm[j] + " warm, " + cold[j] + " cold");
      }
    }
    assertThat(differ).as("outputs that differ").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void seededSamplesClearWarmAsTheyClearCold(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    try (ClearingModel warm = new ClearingModel(example, inputs, new DlmpMechanism(), true);
        ClearingModel cold = new ClearingModel(example, inputs, new DlmpMechanism(), false)) {
      for (int sample = 0; sample < 4; sample++) {
        double[] x = draw(rng);
        assertSameOutputs(warm.apply(x), cold.apply(x));
      }
      // buildings without storage have their base case in closed form, without an LP
      long baseCaseLps = example.participants().stream().filter(BaseCase::hasBaseCase)
          .filter(p -> !(p instanceof Building b) || b.battery().isPresent() || b.shiftable().isPresent()).count();
      assertThat(baseCaseLps).isPositive();
      assertThat(warm.warmBuilds()).as("the community's LP and one per base-case LP, built once on this thread")
          .isEqualTo(1 + (int) baseCaseLps);
    }
  }

  @Test
  void monteCarloOnTwoThreadsGivesTheSameMomentsWarmAndCold() {
    ParallelEvaluator two = new ParallelEvaluator(2);
    DayUncertainty warm = new ProbabilisticClearing(new DlmpMechanism(), two, true).monteCarlo(example, 12, 5, ProgressListener.NONE);
    DayUncertainty cold = new ProbabilisticClearing(new DlmpMechanism(), two, false).monteCarlo(example, 12, 5, ProgressListener.NONE);
    assertThat(warm.result().failedEvaluations()).isZero();
    assertThat(cold.result().failedEvaluations()).isZero();
    for (int j = 0; j < cold.layout().size(); j++) {
      if (j == DayOutputs.VMIN) {
        continue;
      }
      assertThat(Math.abs(warm.mean(j) - cold.mean(j))).as("mean of output %d", j)
          .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(cold.mean(j))));
      assertThat(Math.abs(warm.std(j) - cold.std(j))).as("standard deviation of output %d", j)
          .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(cold.mean(j))));
    }
  }
}
