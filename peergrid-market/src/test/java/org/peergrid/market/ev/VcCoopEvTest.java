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
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcCoopResult;

/** The VC game on the bundled example with EVs (issue 10: EVs in every mechanism). */
class VcCoopEvTest {
  private static Scenario scenario;
  private static VcCoopClearing result;

  @BeforeAll
  static void play() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-community", "scenario-ev.yaml");
    scenario = ScenarioLoader.load(file);
    result = VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults());
  }

  @Test
  void convergesToTheCentralOptimumWithinTheGamesTolerance() {
    VcCoopResult g = result.game().orElseThrow();
    assertThat(g.converged()).isTrue();
    assertThat(g.rounds().get(g.rounds().size() - 1).slackKwh()).isZero();
    assertThat(Math.abs(result.gapToCentralPct().getAsDouble()))
        .isLessThan(100 * GameSettings.defaults().dualTolerance());
  }

  @Test
  void everyEvIsAnAgentOfItsOwnCommunity() {
    var communities = result.game().orElseThrow().grouping();
    for (ElectricVehicle ev : scenario.vehicles()) {
      assertThat(communities.of(ev.id()).members()).as(ev.id()).containsExactly(ev.id());
      assertThat(communities.of(ev.id()).id()).isEqualTo("VC-" + ev.id());
    }
  }

  @Test
  void everyEvLeavesWithItsDepartureEnergy() {
    DispatchSolution sol = result.clearing().dispatch().optimal();
    assertThat(scenario.vehicles()).hasSize(6);
    for (ElectricVehicle ev : scenario.vehicles()) {
      EvDelivery.assertDelivered(ev, sol.schedule(ev.id()), scenario.horizon().intervals());
      // The car draws at least what it stores: the schedule really charges, it does not start full.
      double drawn = java.util.Arrays.stream(sol.schedule(ev.id()).chargeKw().values()).sum()
          * scenario.horizon().hours();
      assertThat(drawn * ev.efficiency()).as(ev.id())
          .isGreaterThanOrEqualTo(ev.departureEnergyKwh() - ev.arrivalEnergyKwh() - 1e-6);
    }
  }

  @Test
  void theSchedulePassesTheAcCheckAndEvsAreSettled() {
    var ac = result.clearing().acCheck().orElseThrow();
    assertThat(ac.converged()).isTrue();
    assertThat(ac.violations()).isEmpty();
    assertThat(ac.vmin().orElseThrow().pu()).isGreaterThanOrEqualTo(0.95 - 1e-6);
    var ids = result.clearing().settlement().orElseThrow().participants().stream().map(p -> p.participant()).toList();
    assertThat(ids).containsAll(scenario.vehicles().stream().map(ElectricVehicle::id).toList());
  }
}
