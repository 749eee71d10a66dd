package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.testing.ThreePhaseExample;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameRound;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.TradeRow;

/**
 * vc-coop on the bundled three-phase example examples/ieee13-3ph: the decomposition over LinDist3Flow
 * converges to the day's LP optimum under the same (AC-tightened) limits and Nash bargaining leaves no
 * building worse off than alone. The accepted schedule passes the three-phase power flow's voltage check
 * at 4.5 % (the example's limit before) but not at the example's 5 % (a gap: see below).
 */
class ThreePhaseVcCoopTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  private static ThreePhaseVcCoop coop;

  @BeforeAll
  static void play() {
    ThreePhaseScenario scenario = ScenarioLoader.loadThreePhase(EXAMPLE);
    long start = System.nanoTime();
    coop = ThreePhaseVcCoop.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults());
    System.out.printf(Locale.ROOT, "ieee13-3ph vc-coop: %d AC rounds, %d communities, %d rounds, %d messages, cost %.4f,"
        + " central %.4f, gap %.2e %%, dlmp %.4f, %d ms%n", coop.acRounds(), coop.grouping().communities().size(),
        coop.game().rounds().size(), coop.game().messages(), coop.day().cost(), coop.centralCost().orElse(Double.NaN),
        coop.gapToCentralPct().orElse(Double.NaN), coop.dlmpCost().orElse(Double.NaN),
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void theDecompositionReachesTheDaysOptimumUnderTheSameLimits() {
    assertThat(coop.game().converged()).isTrue();
    GameRound last = coop.game().rounds().get(coop.game().rounds().size() - 1);
    assertThat(last.slackKwh()).isLessThanOrEqualTo(GameSettings.defaults().primalToleranceKwh());
    assertThat(last.relativeGap()).isLessThanOrEqualTo(GameSettings.defaults().dualTolerance());
    // the stopping rule bounds the gap by the dual tolerance: 1e-6 relative, 1e-4 %
    assertThat(coop.gapToCentralPct().getAsDouble()).isCloseTo(0, within(1e-4));
  }

  /**
   * A gap, not a goal: at the example's 5 % the voltage correction stops at its play limit with a phase-c
   * under-voltage at 611 less than 10⁻³ p.u. below V^min (2.8·10⁻⁴ measured; with the cap raised to 30 it
   * passed in 11 plays, docs/vc-coop.md §8). When the correction passes here, this test must assert that
   * it does.
   */
  @Test
  void onTheExampleTheVoltageCorrectionStopsAtItsPlayLimitJustBelowVmin() {
    assertThat(coop.acRounds()).isEqualTo(ThreePhaseMarket.MAX_ROUNDS);
    assertThat(coop.acPassed()).isFalse();
    assertThat(coop.acCheck().reports()).hasSize(24);
    assertThat(coop.acCheck().violated()).isNotEmpty().allSatisfy(v -> {
      assertThat(v.underVoltage()).isTrue();
      assertThat(v.vmPu()).isGreaterThan(coop.scenario().network().vminPu() - 1e-3);
    });
  }

  /** At 4.5 %, the example's limit before, the accepted schedule passes the voltage check. */
  @Test
  void atFourPointFivePercentTheAcceptedScheduleKeepsEveryPhaseInsideTheVoltageLimits(@TempDir Path dir)
      throws IOException {
    ThreePhaseScenario tight = ScenarioLoader.loadThreePhase(ThreePhaseExample.withUnbalance(dir, "0.045"));
    ThreePhaseVcCoop tightCoop = ThreePhaseVcCoop.clear(tight, FormationRules.DEFAULT, GameSettings.defaults());
    assertThat(tightCoop.acPassed()).as("after %d plays", tightCoop.acRounds()).isTrue();
    assertThat(tightCoop.acCheck().reports()).hasSize(24);
    assertThat(tightCoop.gapToCentralPct().getAsDouble()).isCloseTo(0, within(1e-4));
  }

  /** The trades add up: what crosses the substation is the community's net, and C2C sold = C2C bought. */
  @Test
  void theTradesAddUpToTheSchedule() {
    List<TradeRow> trades = coop.trades();
    assertThat(trades).isNotEmpty();
    double hours = coop.scenario().horizon().hours();
    for (int t = 0; t < coop.scenario().horizon().intervals(); t++) {
      int interval = t;
      List<TradeRow> rows = trades.stream().filter(r -> r.interval() == interval).toList();
      double net = 0;
      for (ParticipantDay d : coop.day().participants()) {
        net -= d.netKw()[t] * hours;
      }
      assertThat(rows.stream().mapToDouble(r -> r.rootBuyKwh() - r.rootSellKwh()).sum()).isCloseTo(net, within(1e-6));
      assertThat(rows.stream().mapToDouble(TradeRow::c2cBuyKwh).sum())
          .isCloseTo(rows.stream().mapToDouble(TradeRow::c2cSellKwh).sum(), within(1e-6));
    }
  }

  @Test
  void nashBargainingLeavesNoBuildingWorseOff() {
    assertThat(coop.settlement().orElseThrow().status()).isEqualTo(SettlementStatus.SETTLED);
    for (ParticipantSettlement p : coop.settlement().get().settlement().orElseThrow().participants()) {
      assertThat(p.individuallyRational()).as(p.participant()).isTrue();
    }
  }
}
