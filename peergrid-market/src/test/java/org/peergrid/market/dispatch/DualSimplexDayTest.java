package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * The community's day without AC correction is solved with GLOP's dual simplex
 * ({@link LinDistFlowDispatch#solve(Scenario)}), the published outputs were the default primal's:
 * the LP is degenerate (tied schedules), so the two may stop at different schedules, but the cost
 * and every DLMP must be the same.
 */
class DualSimplexDayTest {
  @ParameterizedTest
  @ValueSource(strings = {"ieee33-community", "ieee33-congested", "ieee33-uncertainty"})
  void theDualSimplexGivesThePrimalsCostAndPrices(String example, @TempDir Path dir) throws IOException {
    Path folder = Path.of(System.getProperty("peergrid.root.dir"), "examples", example);
    String yaml = Files.readString(folder.resolve("scenario.yaml"))
        .replace("../feeders/", folder.resolve("../feeders").normalize() + "/")
        .replace("network:\n", "network:\n  ac_correction: false\n");
    if (Files.exists(folder.resolve("profiles.csv"))) {
      Files.copy(folder.resolve("profiles.csv"), dir.resolve("profiles.csv"));
    }
    Files.writeString(dir.resolve("scenario.yaml"), yaml);
    Scenario scenario = ScenarioLoader.load(dir.resolve("scenario.yaml"));

    DispatchSolution dual = LinDistFlowDispatch.solve(scenario).optimal();
    DispatchSolution primal = LinDistFlowDispatch.solve(DispatchModel.of(scenario), "primal", true, "").optimal();

    assertThat(dual.objective()).isCloseTo(primal.objective(), within(1e-9 * Math.abs(primal.objective())));
    double[][] p = primal.prices().dlmp().values();
    double[][] d = dual.prices().dlmp().values();
    for (int t = 0; t < p.length; t++) {
      for (int k = 0; k < p[t].length; k++) {
        assertThat(d[t][k]).as("DLMP at interval %d, bus index %d", t, k).isCloseTo(p[t][k], within(1e-7));
      }
    }
  }
}
