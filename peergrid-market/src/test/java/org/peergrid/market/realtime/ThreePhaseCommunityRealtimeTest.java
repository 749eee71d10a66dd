package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * Real time from a community mechanism's day ahead on a three-phase feeder (docs/realtime.md, "Three-phase
 * feeders" and §3a) on examples/ieee13-3ph: the deviations are measured from the game's schedule, not the
 * DLMP market's, and settled inside the communities first.
 */
class ThreePhaseCommunityRealtimeTest {
  private static final Path IEEE13_EXAMPLE = ThreePhaseExample.SCENARIO;
  private static final RealtimeProgress QUIET = (i, n) -> { };

  @Test
  void vcGameRealTimeSettlesDeviationsFromTheEquilibrium() {
    ThreePhaseScenario forecast = ScenarioLoader.loadThreePhase(IEEE13_EXAMPLE);
    ThreePhaseVcGame game = ThreePhaseVcGame.clear(forecast, FormationRules.DEFAULT, NashGameSettings.defaults());
    ThreePhaseRealtime.Plan plan = ThreePhaseCommunityDayAhead.of(game).plan().orElseThrow();
    assertThat(plan.dayAhead().settlement()).isSameAs(game.settlement());
    assertThat(plan.dayAhead().communities()).contains(game.equilibrium().grouping());

    // the game's schedule is not the DLMP market's: otherwise the checks below could not tell them apart
    ThreePhaseMarket dlmp = ThreePhaseMarket.solve(forecast);
    assertThat(largestDifferenceKw(plan.days(), dlmp.day().participants())).isGreaterThan(1);

    // the actual day as forecast: the equilibrium is carried out as it is, nothing deviates, nothing is paid
    ThreePhaseRealtime.Result asForecast = ThreePhaseRealtime.run(plan, forecast, QUIET);
    assertThat(asForecast.realized().redispatched()).isZero();
    for (int i = 0; i < forecast.participants().size(); i++) {
      for (int t = 0; t < 24; t++) {
        assertThat(asForecast.realizedDays().get(i).netKw()[t])
            .isCloseTo(game.schedules().get(i).netInjectionKw(t), within(1e-9));
      }
    }
    assertThat(asForecast.settlement().deviationPayments()).isCloseTo(0, within(1e-9));
    assertThat(asForecast.settlement().dayAheadCost()).isEqualTo(game.settlement().totalCost());
    assertThat(asForecast.settlement().realtimeCost()).isCloseTo(game.settlement().totalCost(), within(1e-9));

    ThreePhaseScenario actual = DeviationSampler.DEFAULT.sample(forecast, 7);
    ThreePhaseRealtime.Result r = ThreePhaseRealtime.run(plan, actual, QUIET);
    TwoSettlementResult st = r.settlement();
    assertThat(r.realized().redispatched()).isEqualTo(24);
    for (int t = 0; t < 24; t++) {
      // the root's deviation is the participants' deviations from the equilibrium's schedule
      double fromGame = 0;
      for (int i = 0; i < forecast.participants().size(); i++) {
        fromGame += -r.realizedDays().get(i).netKw()[t] + game.schedules().get(i).netInjectionKw(t);
      }
      assertThat(r.realized().realizedRootKw()[t] - r.realized().dayAheadRootKw()[t]).isCloseTo(fromGame,
          within(1e-9));
      assertThat(r.checks().get(t).flow().converged()).isTrue();
    }
    // each deviation row is measured from the equilibrium's schedule
    for (DeviationRow row : st.rows()) {
      int i = indexOf(forecast, row.participant());
      assertThat(row.dayAheadKwh()).isCloseTo(-game.schedules().get(i).netInjectionKw(row.interval())
          * forecast.horizon().hours(), within(1e-9));
    }
    // docs/realtime.md §3a: the three identities
    VcNettingResult vc = st.vcNetting().orElseThrow();
    assertThat(st.deviationPayments()).isCloseTo(st.realtimeUtilityBill() + st.nettingSurplus(), within(1e-6));
    assertThat(vc.nettingSurplusAlone()).isCloseTo(st.nettingSurplus() + vc.benefit(), within(1e-6));
    assertThat(vc.benefit()).isGreaterThan(0);
    assertThat(st.dayAheadCost()).isCloseTo(asForecast.settlement().dayAheadCost(), within(1e-9));
    System.out.printf(Locale.ROOT, "ieee13-3ph real time from vc-game (seed 7): day-ahead %.2f, real-time %.2f,"
        + " payments %.2f = bill %.2f + netting %.2f; VC netting %.1f kWh, benefit %.2f%n", st.dayAheadCost(),
        st.realtimeCost(), st.deviationPayments(), st.realtimeUtilityBill(), st.nettingSurplus(), vc.nettedKwh(),
        vc.benefit());
  }

  @Test
  void vcCoopRealTimeStartsFromTheBargainedSchedule() {
    ThreePhaseScenario forecast = ScenarioLoader.loadThreePhase(IEEE13_EXAMPLE);
    ThreePhaseVcCoop coop = ThreePhaseVcCoop.clear(forecast, FormationRules.DEFAULT, GameSettings.defaults());
    ThreePhaseRealtime.Plan plan = ThreePhaseCommunityDayAhead.of(coop).plan().orElseThrow();
    assertThat(plan.days()).isEqualTo(coop.day().participants());
    assertThat(plan.dayAhead().settlement()).isSameAs(coop.settlement().orElseThrow().settlement().orElseThrow());
    ThreePhaseRealtime.Result r = ThreePhaseRealtime.run(plan, DeviationSampler.DEFAULT.sample(forecast, 7), QUIET);
    TwoSettlementResult st = r.settlement();
    for (DeviationRow row : st.rows()) {
      int i = indexOf(forecast, row.participant());
      assertThat(row.dayAheadKwh()).isCloseTo(-coop.day().participants().get(i).netKw()[row.interval()]
          * forecast.horizon().hours(), within(1e-9));
    }
    VcNettingResult vc = st.vcNetting().orElseThrow();
    assertThat(st.deviationPayments()).isCloseTo(st.realtimeUtilityBill() + st.nettingSurplus(), within(1e-6));
    assertThat(vc.nettingSurplusAlone()).isCloseTo(st.nettingSurplus() + vc.benefit(), within(1e-6));
  }

  private static double largestDifferenceKw(List<ParticipantDay> a, List<ParticipantDay> b) {
    double largest = 0;
    for (int i = 0; i < a.size(); i++) {
      for (int t = 0; t < a.get(i).netKw().length; t++) {
        largest = Math.max(largest, Math.abs(a.get(i).netKw()[t] - b.get(i).netKw()[t]));
      }
    }
    return largest;
  }

  private static int indexOf(ThreePhaseScenario s, String id) {
    for (int i = 0; i < s.participants().size(); i++) {
      if (s.participants().get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }
}
