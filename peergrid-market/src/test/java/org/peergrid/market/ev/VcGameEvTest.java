package org.peergrid.market.ev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcGameClearing;

/**
 * The non-cooperative game on the bundled example with EVs: every car is a player of its own, leaves
 * with its departure energy, and the equilibrium is certified and passes the AC check.
 */
class VcGameEvTest {
  private static Scenario scenario;
  private static VcGameClearing result;

  @BeforeAll
  static void play() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community", "scenario-ev.yaml");
    scenario = ScenarioLoader.load(file);
    result = VcGameClearing.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults());
  }

  @Test
  void everyEvIsAPlayerAndLeavesWithItsDepartureEnergy() {
    VcEquilibrium e = result.equilibrium().orElseThrow();
    DispatchSolution sol = result.clearing().dispatch().optimal();
    assertThat(scenario.vehicles()).hasSize(6);
    for (ElectricVehicle ev : scenario.vehicles()) {
      assertThat(e.grouping().of(ev.id()).members()).as(ev.id()).containsExactly(ev.id());
      assertThat(e.player(ev.id()).epsilon()).as(ev.id()).isGreaterThanOrEqualTo(0);
      EvDelivery.assertDelivered(ev, sol.schedule(ev.id()), scenario.horizon().intervals());
    }
  }

  @Test
  void isACertifiedEquilibriumThatPassesTheAcCheck() {
    VcEquilibrium e = result.equilibrium().orElseThrow();
    assertThat(e.converged()).isTrue();
    assertThat(e.largestEpsilonPct().orElseThrow()).isLessThanOrEqualTo(0.1);
    assertThat(result.priceOfAnarchy().orElseThrow()).isGreaterThanOrEqualTo(1 - 1e-9);
    var ac = result.clearing().acCheck().orElseThrow();
    assertThat(ac.converged()).isTrue();
    assertThat(ac.violations()).isEmpty();
    assertThat(result.clearing().settlement().orElseThrow().participants())
        .allSatisfy(p -> assertThat(p.individuallyRational()).as(p.participant()).isTrue());
  }
}
