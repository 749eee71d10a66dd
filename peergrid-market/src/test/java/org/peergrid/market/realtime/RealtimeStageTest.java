package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

class RealtimeStageTest {
  @TempDir Path dir;

  @Test
  void actualsEqualToTheForecastChangeNothingAndCostNothingExtra() {
    Scenario forecast = RealtimeScenarios.load(dir, "toy.yaml", RealtimeScenarios.TOY);
    DayAhead da = RealtimeScenarios.dayAhead(forecast);
    Scenario actual = new DeviationSampler(0, 0, 0).sample(forecast, 7);
    RealtimeResult r = RealtimeStage.run(forecast, actual, da, RealtimeProgress.NONE);

    assertThat(r.realized().redispatched()).isZero();
    for (Participant p : forecast.participants()) {
      ParticipantSchedule planned = da.schedule().schedule(p.id());
      ParticipantSchedule done = r.realized().solution().schedule(p.id());
      for (int t = 0; t < 4; t++) {
        assertThat(done.netInjectionKw(t)).isEqualTo(planned.netInjectionKw(t));
        assertThat(done.socKwh().get(t)).isEqualTo(planned.socKwh().get(t));
      }
    }
    assertThat(r.settlement().rows()).allSatisfy(row -> assertThat(row.deviationKwh()).isZero());
    assertThat(r.settlement().deviationCost()).isZero();
    assertThat(r.settlement().realtimeCost()).isEqualTo(da.settlement().totalCost());
    assertThat(r.settlement().realtimeUtilityBill()).isZero();
  }

  /**
   * With the forecast as the actual values, re-solving the whole day at the real-time tariff finds
   * no deviation worth making (the tariff brackets the day-ahead one): its objective is the
   * day-ahead schedule's fuel and degradation, without the energy that is already bought.
   */
  @Test
  void theRestOfTheDayFromTheStartAtTheForecastIsTheDayAheadOptimum() {
    Scenario forecast = RealtimeScenarios.load(dir, "toy.yaml", RealtimeScenarios.TOY);
    DispatchSolution da = RealtimeScenarios.dayAhead(forecast).schedule();
    double[] root = RollingHorizon.rootNetKw(forecast, da);
    Map<String, Double> start = RemainingDay.endTargets(forecast);
    Scenario rest = RemainingDay.scenario(forecast, forecast, 0, start, Map.of());
    DispatchSolution resolved = LinDistFlowDispatch.solveRest(rest,
        RemainingDay.terms(root, 0, RemainingDay.endTargets(forecast))).optimal();

    double energy = 0;
    for (int t = 0; t < 4; t++) {
      energy += forecast.tariff().importPrice().get(t) * da.gridImportKw().get(t)
          - forecast.tariff().exportPrice().get(t) * da.gridExportKw().get(t);
      assertThat(resolved.gridImportKw().get(t) + resolved.gridExportKw().get(t)).isCloseTo(0, within(DELTA_KW));
    }
    assertThat(energy).isGreaterThan(100); // the day does buy energy, so the subtraction matters
    assertThat(resolved.objective()).isCloseTo(da.objective() - energy, within(DELTA_MONEY));
  }

  /**
   * Two buildings without batteries on toy3, one interval: B2 takes 50 kWh more than forecast, B3's
   * PV gives 20 kWh more. Real-time import 6 (5 × 1.2), export 1.6 (2 × 0.8).
   */
  @Test
  void deviationsAreSettledAtRealtimePricesAndTheMoneyBalances() {
    Scenario forecast = RealtimeScenarios.load(dir, "two.yaml", RealtimeScenarios.TWO_ON_TOY3);
    Path actuals = dir.resolve("actuals.csv");
    writeString(actuals, "interval,participant,load_kw,pv_kw,wind_kw\n0,B2,150,,\n0,B3,,220,\n");
    Scenario actual = ActualsCsv.read(actuals, forecast);
    DayAhead da = RealtimeScenarios.dayAhead(forecast);
    TwoSettlementResult s = RealtimeStage.run(forecast, actual, da, RealtimeProgress.NONE).settlement();

    assertThat(s.participant("B2").deviationPayment()).isCloseTo(50 * 6.0, within(DELTA_MONEY));
    assertThat(s.participant("B3").deviationPayment()).isCloseTo(-20 * 1.6, within(DELTA_MONEY));
    assertThat(s.realtimeUtilityBill()).isCloseTo(30 * 6.0, within(DELTA_MONEY));
    assertThat(s.nettingSurplus()).isCloseTo((6 - 1.6) * 20, within(DELTA_MONEY));
    assertThat(s.deviationPayments()).isCloseTo(s.realtimeUtilityBill() + s.nettingSurplus(), within(DELTA_MONEY));
    assertThat(s.realtimeCost() - s.dayAheadCost()).isCloseTo(300 - 32, within(DELTA_MONEY));
    // The day-ahead settlement is carried through unchanged.
    assertThat(s.dayAheadCost()).isEqualTo(da.settlement().totalCost());
    assertThat(s.rows().stream().mapToDouble(DeviationRow::dayAheadAmount).sum())
        .isCloseTo(da.settlement().participantsNet(), within(DELTA_MONEY));
  }

  private static void writeString(Path file, String text) {
    try {
      java.nio.file.Files.writeString(file, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
