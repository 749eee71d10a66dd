package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * Seeded random deviations, large ones (load ±30 %, PV and wind ±50 %), on the IEEE 33-bus day:
 * whatever happens, every battery stays within its power and energy limits, follows its energy
 * balance, ends the day with at least its initial charge, shiftable energy is served in its window,
 * and the money of both settlements balances.
 */
class RollingHorizonLimitsTest {
  private static final DeviationSampler LARGE = new DeviationSampler(0.3, 0.5, 0.5);
  @TempDir static Path dir;
  private static Scenario forecast;
  private static DayAhead dayAhead;

  @BeforeAll
  static void clearDayAhead() {
    forecast = RealtimeScenarios.ieee33(dir);
    dayAhead = RealtimeScenarios.dayAhead(forecast);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2024})
  void batteriesNeverLeaveTheirLimits(long seed) {
    Scenario actual = LARGE.sample(forecast, seed);
    RealtimeResult r = RealtimeStage.run(forecast, actual, dayAhead, RealtimeProgress.NONE);
    assertThat(r.realized().redispatched()).as("deviations from the first interval on").isEqualTo(24);
    double hours = forecast.horizon().hours();
    int batteries = 0;
    for (Participant p : forecast.participants()) {
      ParticipantSchedule s = r.realized().solution().schedule(p.id());
      if (RemainingDay.battery(p).isEmpty()) {
        continue;
      }
      batteries++;
      BatterySpec b = RemainingDay.battery(p).get();
      double previous = b.initialKwh();
      for (int t = 0; t < 24; t++) {
        double e = s.socKwh().get(t);
        assertThat(e).as(p.id() + " energy in " + t).isBetween(b.socMin() * b.capacityKwh() - DELTA_KW,
            b.socMax() * b.capacityKwh() + DELTA_KW);
        assertThat(s.chargeKw().get(t)).isBetween(-DELTA_KW, b.chargeKw() + DELTA_KW);
        assertThat(s.dischargeKw().get(t)).isBetween(-DELTA_KW, b.dischargeKw() + DELTA_KW);
        double expected = previous + b.efficiencyCharge() * s.chargeKw().get(t) * hours
            - s.dischargeKw().get(t) * hours / b.efficiencyDischarge();
        assertThat(e).as(p.id() + " energy balance in " + t).isCloseTo(expected, within(DELTA_KW));
        previous = e;
      }
      assertThat(previous).as(p.id() + " ends the day").isGreaterThanOrEqualTo(b.initialKwh() - DELTA_KW);
    }
    assertThat(batteries).isEqualTo(6);
    Building shifting = forecast.buildings().stream().filter(b -> b.shiftable().isPresent()).findFirst().orElseThrow();
    ParticipantSchedule s = r.realized().solution().schedule(shifting.id());
    double served = 0;
    for (int t = 0; t < 24; t++) {
      if (!shifting.shiftable().get().inWindow(t)) {
        assertThat(s.shiftedKw().get(t)).isCloseTo(0, within(DELTA_KW));
      }
      served += s.shiftedKw().get(t) * hours;
    }
    assertThat(served).isCloseTo(shifting.shiftable().get().energyKwh(), within(DELTA_KW));

    TwoSettlementResult money = r.settlement();
    assertThat(money.deviationPayments()).isCloseTo(money.realtimeUtilityBill() + money.nettingSurplus(),
        within(DELTA_MONEY));
    assertThat(money.nettingSurplus()).isGreaterThanOrEqualTo(0);
    double paid = money.rows().stream().mapToDouble(DeviationRow::totalAmount).sum();
    assertThat(paid).isCloseTo(money.dayAhead().utilityBill() + money.dayAhead().dsoSurplus()
        + money.realtimeUtilityBill() + money.nettingSurplus(), within(DELTA_MONEY));
    assertThat(r.acCheck().converged()).isTrue();
  }
}
