package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.vc.PlayerOutcome;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * vc-game on the bundled three-phase example examples/ieee13-3ph (twelve prosumers, eleven on one
 * phase, a three-phase generator, the feeder's own unbalanced load): the play converges with every
 * player's certified ε within its tolerance, no building pays more than alone, the DSO's charges bring
 * the three-phase power flow inside the voltage limits, and the equilibrium costs no less than the
 * cooperative optimum under the same limits.
 */
class ThreePhaseVcGameTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  private static ThreePhaseScenario scenario;
  private static ThreePhaseVcGame game;

  @BeforeAll
  static void play() {
    scenario = ScenarioLoader.loadThreePhase(EXAMPLE);
    long start = System.nanoTime();
    game = ThreePhaseVcGame.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults());
    VcEquilibrium e = game.equilibrium();
    System.out.printf(Locale.ROOT, "ieee13-3ph vc-game: %s; %d communities, %d rounds, %d messages, largest eps %.3g"
        + " (%s), system cost %.2f, coop %.2f, dlmp %.2f, PoA %.6f, B2B/B2C/C2C %.1f/%.1f/%.1f kWh, %d ms%n",
        game.played().describe(), e.grouping().communities().size(), e.rounds(), e.messages(), e.largestEpsilon(),
        e.worstPlayer().id(), game.systemCost(), game.coopCost().orElse(Double.NaN),
        game.dlmpCost().orElse(Double.NaN), game.priceOfAnarchy().orElse(Double.NaN), game.kwh("B2B"),
        game.kwh("B2C"), game.kwh("C2C"), (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void thePlayConvergesToACertifiedEquilibrium() {
    VcEquilibrium e = game.equilibrium();
    assertThat(e.converged()).isTrue();
    assertThat(e.players()).hasSize(scenario.participants().size());
    for (PlayerOutcome p : e.players()) {
      // ε is certified against the exact best response; the play stops once no one gains more than its tolerance
      assertThat(p.epsilon()).as(p.id()).isGreaterThanOrEqualTo(-1e-9)
          .isLessThanOrEqualTo(2 * NashGameSettings.defaults().relativeTolerance() * Math.max(1, Math.abs(p.aloneCost())));
    }
  }

  @Test
  void everyBuildingIsNoWorseOffThanAlone() {
    for (Building b : scenario.buildings()) {
      ParticipantSettlement row = game.settlement().participants().stream().filter(r -> r.participant().equals(b.id()))
          .findFirst().orElseThrow();
      PlayerOutcome p = game.equilibrium().player(b.id());
      assertThat(row.cost()).as(b.id()).isLessThanOrEqualTo(row.baseCost().getAsDouble() + p.epsilon() + 1e-6);
    }
    assertThat(game.settlement().savings()).isPositive();
  }

  @Test
  void theDsoChargesBringThePowerFlowInsideTheVoltageLimits() {
    ThreePhaseGameFeeder.Check check = game.acCheck();
    assertThat(check.converged()).isTrue();
    assertThat(check.reports()).hasSize(scenario.horizon().intervals());
    assertThat(check.passed()).as(game.played().describe()).isTrue();
    // the feeder binds: the first play, at no charge, violates the limits somewhere
    assertThat(game.played().violationsPerPlay().get(0)).isPositive();
    assertThat(game.played().violationsPerPlay()).last().isEqualTo(0);
    for (ThreePhaseAcCheck.Report r : check.reports()) {
      assertThat(r.result().vmPu(r.lowestNode())).isGreaterThanOrEqualTo(scenario.network().vminPu() - 1e-6);
      assertThat(r.result().vmPu(r.highestNode())).isLessThanOrEqualTo(scenario.network().vmaxPu() + 1e-6);
    }
  }

  @Test
  void theEquilibriumCostsNoLessThanTheCooperativeOptimumUnderTheSameLimits() {
    // the cooperative optimum minimises the same system cost over every schedule that passes the same
    // (AC-corrected) voltage limits; the equilibrium is one such schedule
    assertThat(game.coopCost()).isPresent();
    assertThat(game.priceOfAnarchy().getAsDouble()).isGreaterThanOrEqualTo(1 - 1e-9);
    // with the unbalance limit as well, the dlmp clearing's optimum can only cost more
    assertThat(game.dlmpCost().getAsDouble()).isGreaterThanOrEqualTo(game.coopCost().getAsDouble() - 1e-6);
  }
}
