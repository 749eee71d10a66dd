package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.testing.ThreePhaseExample;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * EVs in real time on a three-phase feeder (examples/ieee13-3ph with two single-phase chargers,
 * {@link ThreePhaseExample#withEvs}): each re-dispatch plans what is left of each car's session
 * ({@link RemainingDay#restOfSession}), so that the cars leave charged whatever the day brings.
 */
class ThreePhaseRealtimeEvTest {
  private static final RealtimeProgress QUIET = (i, n) -> { };
  private static final double HOURS = 1;

  @TempDir Path dir;

  @Test
  void everyCarLeavesWithItsDepartureEnergyOnASampledDay() throws IOException {
    ThreePhaseScenario forecast = ScenarioLoader.loadThreePhase(ThreePhaseExample.withEvs(dir, "0.96"));
    ThreePhaseMarket market = ThreePhaseMarket.solve(forecast);
    DayAhead dayAhead = ThreePhaseRealtime.dayAhead(market, "test");
    ThreePhaseScenario actual = DeviationSampler.DEFAULT.sample(forecast, 7);
    ThreePhaseRealtime.Result r = ThreePhaseRealtime.run(market, actual, dayAhead, QUIET);
    assertThat(r.realized().redispatched()).isEqualTo(24);
    int nt = forecast.horizon().intervals();
    for (int i = 0; i < forecast.participants().size(); i++) {
      if (!(forecast.participants().get(i) instanceof ElectricVehicle ev)) {
        continue;
      }
      ParticipantDay d = r.realizedDays().get(i);
      ParticipantDay planned = market.day().participants().get(i);
      for (int t = 0; t < nt; t++) {
        if (!ev.pluggedIn(t, nt)) {
          assertThat(d.chargeKw()[t]).as("%s away at %d", ev.id(), t).isZero();
          assertThat(d.dischargeKw()[t]).isZero();
        }
        assertThat(d.chargeKw()[t]).isBetween(-1e-9, ev.chargeKw() + 1e-7);
        assertThat(d.dischargeKw()[t]).isBetween(-1e-9, ev.v2gKw() + 1e-7);
      }
      // the energy along the day as re-dispatched, from the day ahead's energy at midnight for the overnight car
      double energy = ev.departure() < ev.arrival() ? planned.energyKwh()[nt - 1] : ev.arrivalEnergyKwh();
      for (int t = 0; t < nt; t++) {
        if (t == ev.arrival()) {
          energy = ev.arrivalEnergyKwh();
        }
        if (ev.pluggedIn(t, nt)) {
          energy += ev.efficiency() * d.chargeKw()[t] * HOURS - d.dischargeKw()[t] * HOURS / ev.efficiency();
          assertThat(d.energyKwh()[t]).as("%s at %d", ev.id(), t).isCloseTo(energy, within(1e-6));
        }
        if (t == ev.departure() - 1) {
          assertThat(energy).as("%s leaves with", ev.id()).isGreaterThanOrEqualTo(ev.departureEnergyKwh() - 1e-6);
        }
      }
      if (ev.departure() < ev.arrival()) {
        // the overnight car ends the day with what it started it with (the day repeats)
        assertThat(d.energyKwh()[nt - 1]).isGreaterThanOrEqualTo(planned.energyKwh()[nt - 1] - 1e-6);
      }
      double deviation = 0;
      for (int t = 0; t < nt; t++) {
        deviation += Math.abs(d.netKw()[t] - planned.netKw()[t]) * HOURS;
      }
      System.out.printf(Locale.ROOT, "%s real time (seed 7): moved %.2f kWh against its day ahead%n", ev.id(),
          deviation);
    }
    assertThat(r.settlement().deviationPayments()).isCloseTo(r.settlement().realtimeUtilityBill()
        + r.settlement().nettingSurplus(), within(1e-6));
  }

  @Test
  void theRestOfASessionIsWhatIsLeftOfIt() {
    // overnight: 18:00 to 07:00 on 24 hours, 12 → 40 kWh at 7.4 kW
    ElectricVehicle night = new ElectricVehicle("E", 1, 18, 7, 12, 40, 60, 7.4, 0.92, 0);
    ElectricVehicle morning = RemainingDay.restOfSession(night, 24, 1, 3, 30, 25);
    assertThat(morning).extracting(ElectricVehicle::arrival, ElectricVehicle::departure,
        ElectricVehicle::arrivalEnergyKwh, ElectricVehicle::departureEnergyKwh).containsExactly(0, 4, 30.0, 40.0);
    ElectricVehicle away = RemainingDay.restOfSession(night, 24, 1, 10, 0, 25);
    assertThat(away).extracting(ElectricVehicle::arrival, ElectricVehicle::departure,
        ElectricVehicle::arrivalEnergyKwh, ElectricVehicle::departureEnergyKwh).containsExactly(8, 14, 12.0, 25.0);
    ElectricVehicle evening = RemainingDay.restOfSession(night, 24, 1, 20, 20, 25);
    assertThat(evening.sessionLength(4)).isEqualTo(4);
    assertThat(evening.pluggedIn(3, 4)).isTrue();
    assertThat(evening.arrivalEnergyKwh()).isEqualTo(20);
    // same day: 08:00 to 17:00; before, during, after
    ElectricVehicle day = new ElectricVehicle("D", 1, 8, 17, 20, 35, 50, 3.7, 0.92, 3.7);
    assertThat(RemainingDay.restOfSession(day, 24, 1, 5, 0, 0)).extracting(ElectricVehicle::arrival,
        ElectricVehicle::departure).containsExactly(3, 12);
    assertThat(RemainingDay.restOfSession(day, 24, 1, 16, 33, 0).departureEnergyKwh()).isEqualTo(35);
    // one hour left at 3.7 kW from 31 kWh reaches 34.4 kWh: the need is what the charger can still give
    assertThat(RemainingDay.restOfSession(day, 24, 1, 16, 31, 0).departureEnergyKwh())
        .isCloseTo(31 + 0.92 * 3.7, within(1e-12));
    ElectricVehicle gone = RemainingDay.restOfSession(day, 24, 1, 18, 0, 0);
    assertThat(gone.chargeKw()).isZero();
    assertThat(gone.departureEnergyKwh()).isZero();
  }
}
