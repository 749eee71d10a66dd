package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * EVs on a three-phase feeder: examples/ieee13-3ph with two single-phase home chargers added and
 * V^min at 0.97 ({@link ThreePhaseExample#withEvs}), cleared by the day's LP. Each session is met inside its window
 * and charger, each EV is priced at its own bus-phase's DLMP, its charging sits in the cheapest
 * intervals of its window on its phase (checked pairwise and by a finite difference of the day's
 * cost), and its stand-alone base case is charging at the tariff's cheapest hours of its window.
 */
class ThreePhaseEvTest {
  private static final double HOURS = 1;
  @TempDir
  static Path dir;
  private static ThreePhaseScenario scenario;
  private static ThreePhaseDayClearing clearing;
  private static ThreePhaseDay day;

  @BeforeAll
  static void clear() throws IOException {
    scenario = ScenarioLoader.loadThreePhase(ThreePhaseExample.withEvs(dir));
    clearing = new ThreePhaseDayClearing(scenario, ThreePhaseDayClearing.model(scenario));
    day = clearing.clear();
    assertThat(day.optimal()).as(day.message()).isTrue();
  }

  private static ElectricVehicle ev(String id) {
    return scenario.vehicles().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void eachSessionIsMetInsideItsWindowAndCharger() {
    assertThat(scenario.vehicles()).extracting(ElectricVehicle::id).containsExactly("EV675b", "EV611c");
    for (ElectricVehicle ev : scenario.vehicles()) {
      ParticipantDay d = day.participant(ev.id());
      int nt = scenario.horizon().intervals();
      for (int t = 0; t < nt; t++) {
        if (!ev.pluggedIn(t, nt)) {
          assertThat(d.chargeKw()[t]).as("%s charges at %d, away", ev.id(), t).isZero();
          assertThat(d.dischargeKw()[t]).as("%s discharges at %d, away", ev.id(), t).isZero();
        }
        assertThat(d.chargeKw()[t]).isBetween(-1e-9, ev.chargeKw() + 1e-7);
        assertThat(d.dischargeKw()[t]).isBetween(-1e-9, ev.v2gKw() + 1e-7);
        assertThat(d.netKw()[t]).isCloseTo(d.dischargeKw()[t] - d.chargeKw()[t], within(1e-9));
      }
      // the energy along the session, recomputed from the arrival energy and the powers
      double energy = ev.arrivalEnergyKwh();
      for (int k = 0; k < ev.sessionLength(nt); k++) {
        int t = ev.sessionInterval(k, nt);
        energy += ev.efficiency() * d.chargeKw()[t] * HOURS - d.dischargeKw()[t] * HOURS / ev.efficiency();
        assertThat(d.energyKwh()[t]).isCloseTo(energy, within(1e-6)).isBetween(-1e-7, ev.capacityKwh() + 1e-7);
      }
      assertThat(energy).as("%s leaves with", ev.id()).isGreaterThanOrEqualTo(ev.departureEnergyKwh() - 1e-6);
      System.out.printf(Locale.ROOT, "%s: charge %s%n", ev.id(), java.util.Arrays.toString(
          java.util.Arrays.stream(d.chargeKw()).map(c -> Math.round(c * 100) / 100.0).toArray()));
    }
  }

  @Test
  void anEvIsPricedAtItsBusPhasesDlmp() {
    assertPricedAt("EV675b", "675", 2);
    assertPricedAt("EV611c", "611", 3);
  }

  private static void assertPricedAt(String id, String bus, int phase) {
    int port = clearing.pricedPorts().indexOf(clearing.model().wye(bus, phase));
    assertThat(port).isNotNegative();
    double[] price = day.participant(id).price();
    for (int t = 0; t < price.length; t++) {
      assertThat(price[t]).isEqualTo(day.intervals().get(t).prices().get(port).dlmp());
    }
  }

  /**
   * Wherever a car charges, no interval of its session with room left on its charger has a lower DLMP
   * on its phase: moving charge there would cost less (its energy stays strictly inside its battery,
   * checked, so no energy bound stops the move). EV611c's session (17:00-22:00) has one import price
   * throughout: only the feeder makes its phase's DLMPs differ, and they do (the voltage rows bind on
   * phase c in the evening: 0.506 against 0.28 at 21:00), so it charges fully at 21:00 first.
   */
  @Test
  void chargingSitsInTheCheapestIntervalsOfItsPhase() {
    for (ElectricVehicle ev : scenario.vehicles()) {
      ParticipantDay d = day.participant(ev.id());
      List<Integer> session = session(ev);
      double[] dlmp = d.price();
      double cheapestWithRoom = cheapestWithRoom(ev, d);
      for (int t : session) {
        assertThat(d.energyKwh()[t]).isBetween(1e-6, ev.capacityKwh() - 1e-6);
        if (d.chargeKw()[t] > 1e-6) {
          assertThat(dlmp[t]).as("%s charges at %d", ev.id(), t).isLessThanOrEqualTo(cheapestWithRoom + 1e-6);
        }
      }
      List<Integer> byPrice = new ArrayList<>(session);
      byPrice.sort(Comparator.comparingDouble(t -> dlmp[t]));
      System.out.printf(Locale.ROOT, "%s session by DLMP: %s%n", ev.id(), byPrice.stream()
          .map(t -> String.format(Locale.ROOT, "%d:%.4f/%.2fkW", t, dlmp[t], d.chargeKw()[t])).toList());
    }
    // the feeder, not the tariff, orders EV611c's hours: its phase's DLMPs differ inside one tariff price
    ParticipantDay evening = day.participant("EV611c");
    double[] inSession = session(ev("EV611c")).stream().mapToDouble(t -> evening.price()[t]).toArray();
    assertThat(java.util.Arrays.stream(inSession).max().orElseThrow() - java.util.Arrays.stream(inSession).min()
        .orElseThrow()).isGreaterThan(0.05);
  }

  /**
   * One kWh more at departure costs what 1/η kWh at the cheapest interval of the session with room on
   * the charger costs on the car's phase: the day cleared again (a finite difference) against the DLMPs.
   */
  @Test
  void oneKwhMoreAtDepartureCostsItsCheapestDlmpOverEfficiency() {
    for (ElectricVehicle ev : scenario.vehicles()) {
      double cheapest = cheapestWithRoom(ev, day.participant(ev.id()));
      // the sessions need 30.4 and 13.0 kWh from the feeder, hours of the charger: some intervals have room
      assertThat(cheapest).isFinite();
      double more = 0.5;
      List<Participant> changed = scenario.participants().stream().map(p -> p.id().equals(ev.id())
          ? new ElectricVehicle(ev.id(), ev.bus(), ev.arrival(), ev.departure(), ev.arrivalEnergyKwh(),
              ev.departureEnergyKwh() + more, ev.capacityKwh(), ev.chargeKw(), ev.efficiency(), ev.v2gKw())
          : p).toList();
      ThreePhaseDay higher = clearing.withForecasts(scenario.withParticipants(changed)).clear();
      assertThat(higher.optimal()).isTrue();
      double finiteDifference = (higher.cost() - day.cost()) / more;
      System.out.printf(Locale.ROOT, "%s: one kWh more at departure costs %.5f; cheapest DLMP with room / η %.5f%n",
          ev.id(), finiteDifference, cheapest / ev.efficiency());
      assertThat(finiteDifference).isCloseTo(cheapest / ev.efficiency(), within(1e-3));
    }
  }

  private static List<Integer> session(ElectricVehicle ev) {
    int nt = scenario.horizon().intervals();
    return IntStream.range(0, ev.sessionLength(nt)).mapToObj(k -> ev.sessionInterval(k, nt)).toList();
  }

  /** The lowest DLMP on the car's phase among the intervals of its session where its charger has room. */
  private static double cheapestWithRoom(ElectricVehicle ev, ParticipantDay d) {
    double cheapest = Double.POSITIVE_INFINITY;
    for (int s : session(ev)) {
      if (d.chargeKw()[s] < ev.chargeKw() - 1e-6) {
        cheapest = Math.min(cheapest, d.price()[s]);
      }
    }
    return cheapest;
  }

  /**
   * An EV alone (MODEL.md §3's base case, as on a MATPOWER feeder): it charges at the import tariff in
   * the cheapest hours of its window; selling V2G energy at the export tariff never pays here (0.04
   * against at least 0.10 to charge it back), so its cost is its energy need over η bought greedily.
   */
  @Test
  void anEvAloneChargesAtTheTariffsCheapestHoursOfItsWindow() {
    int nt = scenario.horizon().intervals();
    for (ElectricVehicle ev : scenario.vehicles()) {
      double needKwh = (ev.departureEnergyKwh() - ev.arrivalEnergyKwh()) / ev.efficiency();
      List<Integer> byTariff = new ArrayList<>(session(ev));
      byTariff.sort(Comparator.comparingDouble(t -> scenario.tariff().importPrice().get(t)));
      double greedy = 0;
      for (int t : byTariff) {
        double kwh = Math.min(needKwh, ev.chargeKw() * HOURS);
        greedy += kwh * scenario.tariff().importPrice().get(t);
        needKwh -= kwh;
      }
      assertThat(clearing.aloneCost(ev)).as(ev.id()).isCloseTo(greedy, within(1e-6));
    }
  }

  /** The DLMP settlement has a row for each EV: its bill at its DLMPs, its base case, its savings. */
  @Test
  void theSettlementBillsEachEvAtItsDlmpAgainstItsBaseCase() {
    ThreePhaseMarket market = ThreePhaseMarket.solve(clearing);
    assertThat(market.day().optimal()).isTrue();
    MechanismOutcome dlmp = market.settle(new DlmpMechanism());
    assertThat(dlmp.status()).isEqualTo(SettlementStatus.SETTLED);
    for (ElectricVehicle ev : scenario.vehicles()) {
      ParticipantSettlement row = dlmp.settlement().orElseThrow().participant(ev.id());
      ParticipantDay d = market.day().participant(ev.id());
      double bill = 0;
      for (int t = 0; t < d.netKw().length; t++) {
        bill += d.price()[t] * -d.netKw()[t] * HOURS;
      }
      assertThat(row.baseCost()).hasValueCloseTo(clearing.aloneCost(ev), within(1e-6));
      assertThat(row.cost()).as("%s's cost", ev.id()).isCloseTo(bill, within(1e-6));
      assertThat(row.savings()).hasValueCloseTo(row.baseCost().getAsDouble() - row.cost(), within(1e-6));
      System.out.printf(Locale.ROOT, "%s: base %.4f, cost at its DLMPs %.4f, savings %.4f (AC check %s, %d clearings)%n",
          ev.id(), row.baseCost().getAsDouble(), row.cost(), row.savings().getAsDouble(), market.acPassed(),
          market.rounds());
    }
  }
}
