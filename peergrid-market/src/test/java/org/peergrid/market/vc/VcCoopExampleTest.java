package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The game on the bundled example (issue 8, "Must show"). */
class VcCoopExampleTest {
  private static Scenario scenario;
  private static VcCoopClearing result;

  @BeforeAll
  static void play() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee33-congested", "scenario.yaml");
    scenario = ScenarioLoader.load(file);
    result = VcCoopClearing.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults());
  }

  /** Issue 8 asks for 0.5 %; the stopping rule proves 1e-6 relative, and the central LP confirms it. */
  @Test
  void convergesToTheCentralOptimum() {
    VcCoopResult g = result.game().orElseThrow();
    assertThat(g.converged()).isTrue();
    assertThat(Math.abs(result.gapToCentralPct().getAsDouble())).isLessThan(100 * GameSettings.defaults().dualTolerance());
    assertThat(g.rounds().get(g.rounds().size() - 1).slackKwh()).isZero();
    assertThat(g.iterations()).isLessThan(30);
  }

  @Test
  void noBuildingPaysMoreThanAlone() {
    var settlement = result.clearing().settlement().orElseThrow();
    assertThat(settlement.savings()).isPositive();
    assertThat(settlement.participants()).allSatisfy(p -> assertThat(p.individuallyRational()).as(p.participant()).isTrue());
  }

  /**
   * Issue 8: the schedules pass the AC check. Uncorrected, the DSO's LinDistFlow limits (V ≥ 0.95 at
   * bus 18, 700 kVA on 6-26) are missed in AC by the losses LinDistFlow drops; the game is replayed
   * with the DSO's limits tightened by the measured gap (accheck.AcCorrection) until none is.
   */
  @Test
  void theSchedulePassesTheAcCheck() {
    var ac = result.clearing().acCheck().orElseThrow();
    assertThat(ac.converged()).isTrue();
    assertThat(ac.violations()).isEmpty();
    assertThat(ac.vmin().orElseThrow().pu()).isGreaterThanOrEqualTo(0.95 - 1e-6);
    assertThat(ac.mostLoaded().orElseThrow().percent()).isLessThanOrEqualTo(100 + 1e-4);
    assertThat(result.clearing().dispatch().message()).contains("AC-corrected");
  }

  @Test
  void tradesAddUpToTheSchedule() {
    double hours = scenario.horizon().hours();
    var sol = result.clearing().dispatch().optimal();
    for (int t = 0; t < scenario.horizon().intervals(); t++) {
      int interval = t;
      double rootBuy = result.trades().stream().filter(r -> r.interval() == interval).mapToDouble(TradeRow::rootBuyKwh).sum();
      double rootSell = result.trades().stream().filter(r -> r.interval() == interval).mapToDouble(TradeRow::rootSellKwh).sum();
      double net = scenario.participants().stream().mapToDouble(p -> -sol.schedule(p.id()).netInjectionKw(interval) * hours).sum();
      assertThat(rootBuy - rootSell).as("interval " + t).isCloseTo(net, org.assertj.core.api.Assertions.within(1e-6));
      double c2cBuy = result.trades().stream().filter(r -> r.interval() == interval).mapToDouble(TradeRow::c2cBuyKwh).sum();
      double c2cSell = result.trades().stream().filter(r -> r.interval() == interval).mapToDouble(TradeRow::c2cSellKwh).sum();
      assertThat(c2cBuy).isCloseTo(c2cSell, org.assertj.core.api.Assertions.within(1e-6));
    }
  }
}
