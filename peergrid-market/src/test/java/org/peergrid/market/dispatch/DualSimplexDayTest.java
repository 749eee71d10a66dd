package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * The community's day is solved with GLOP's dual simplex ({@link LinDistFlowDispatch#COMMUNITY_DAY});
 * the published outputs were the default primal's. The LP is degenerate (tied schedules), so the two
 * may stop at different schedules, but the cost and every DLMP must be the same.
 */
class DualSimplexDayTest {
  @ParameterizedTest
  @ValueSource(strings = {"ieee33-community", "ieee33-congested", "ieee33-uncertainty"})
  void withoutAcCorrectionTheDualSimplexGivesThePrimalsCostAndPrices(String example, @TempDir Path dir)
      throws IOException {
    Scenario scenario = example(example, dir, true);

    DispatchSolution dual = LinDistFlowDispatch.solve(scenario).optimal();
    DispatchSolution primal = LinDistFlowDispatch.solve(DispatchModel.of(scenario), "primal", true, "").optimal();

    assertSameCostAndPrices(dual, primal);
  }

  /**
   * With the AC correction, the AC check of each solve's schedule decides the next tightening, so another
   * tied vertex can take the correction along another path (ieee33-congested: 2 solves instead of 4,
   * AcCorrectionTest). On the bundled example either's first schedule passes the AC check, so both end
   * at the same cost and prices (RunCommandTest's real-time stage starts from this day ahead).
   */
  @Test
  void theBundledExampleCorrectedWithTheDualSimplexHasThePrimalsCostAndPrices(@TempDir Path dir) throws IOException {
    Scenario scenario = example("ieee33-community", dir, false);

    AcCorrection.Outcome<DispatchResult> dual = AcCorrection.run(scenario,
        t -> LinDistFlowDispatch.solve(scenario, t), DispatchResult::solution);
    AcCorrection.Outcome<DispatchResult> primal = AcCorrection.run(scenario,
        t -> LinDistFlowDispatch.solve(DispatchModel.of(scenario).tightenedBy(t), "primal", true, ""),
        DispatchResult::solution);

    System.out.printf("ieee33-community AC-corrected: dual %s, %.6f; primal %s, %.6f%n", dual.describe(),
        dual.result().optimal().objective(), primal.describe(), primal.result().optimal().objective());
    assertThat(dual.passed()).isTrue();
    assertThat(dual.solves()).isEqualTo(primal.solves());
    assertSameCostAndPrices(dual.result().optimal(), primal.result().optimal());
  }

  private static void assertSameCostAndPrices(DispatchSolution dual, DispatchSolution primal) {
    assertThat(dual.objective()).isCloseTo(primal.objective(), within(1e-9 * Math.abs(primal.objective())));
    double[][] p = primal.prices().dlmp().values();
    double[][] d = dual.prices().dlmp().values();
    double worst = 0;
    for (int t = 0; t < p.length; t++) {
      for (int k = 0; k < p[t].length; k++) {
        assertThat(d[t][k]).as("DLMP at interval %d, bus index %d", t, k).isCloseTo(p[t][k], within(1e-7));
        worst = Math.max(worst, Math.abs(d[t][k] - p[t][k]));
      }
    }
    System.out.printf("objective %.9f (dual) against %.9f (primal), largest DLMP difference %.3g%n",
        dual.objective(), primal.objective(), worst);
  }

  private static Scenario example(String example, Path dir, boolean acCorrectionOff) throws IOException {
    Path folder = Path.of(System.getProperty("peergrid.root.dir"), "examples", example);
    String yaml = Files.readString(folder.resolve("scenario.yaml"))
        .replace("../feeders/", folder.resolve("../feeders").normalize() + "/");
    if (acCorrectionOff) {
      yaml = yaml.replace("network:\n", "network:\n  ac_correction: false\n");
    }
    if (Files.exists(folder.resolve("profiles.csv"))) {
      Files.copy(folder.resolve("profiles.csv"), dir.resolve("profiles.csv"));
    }
    Files.writeString(dir.resolve("scenario.yaml"), yaml);
    return ScenarioLoader.load(dir.resolve("scenario.yaml"));
  }
}
