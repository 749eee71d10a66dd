package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The game on the bundled example (issue 8, "Must show"). */
class VcGameExampleTest {
  private static Scenario scenario;
  private static VcClearing result;

  @BeforeAll
  static void play() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community", "scenario.yaml");
    scenario = ScenarioLoader.load(file);
    result = VcClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults());
    VcGameResult g = result.game().orElseThrow();
    System.out.println("rounds " + g.iterations() + " messages " + g.messages() + " ms " + g.runMillis()
        + " gap% " + result.gapToCentralPct() + " converged " + g.converged());
    g.rounds().forEach(r -> System.out.println(r));
  }

  @Test
  void convergesToTheCentralOptimum() {
    assertThat(result.game().orElseThrow().converged()).isTrue();
    assertThat(result.gapToCentralPct().getAsDouble()).isLessThan(0.5);
  }
}
