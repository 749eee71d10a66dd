package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The game on a seeded 69-bus day whose voltage limit binds (issue 14, "Must show"). */
class VcGameIeee69Test {
  private static Scenario scenario;
  private static VcGameClearing result;

  @BeforeAll
  static void play() {
    scenario = ScenarioLoader.load(Path.of("src/test/resources/vc/ieee69-day.yaml"));
    result = VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults());
  }

  /** The limit binds: the central LP's DLMPs carry a voltage part somewhere. */
  @Test
  void aLimitBinds() {
    var prices = LinDistFlowDispatch.solve(scenario).optimal().prices();
    double largest = 0;
    for (int t = 0; t < scenario.horizon().intervals(); t++) {
      for (int k = 0; k < scenario.network().radial().busCount(); k++) {
        largest = Math.max(largest, Math.abs(prices.voltage().get(t, k)) + Math.abs(prices.congestion().get(t, k)));
      }
    }
    assertThat(largest).isGreaterThan(1e-3);
  }

  @Test
  void isACertifiedEquilibriumThatPassesTheAcCheck() {
    EquilibriumProperties.assertHold(scenario, result);
  }
}
