package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_PRICE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * A 96 × 15 min day on the IEEE 33-bus feeder with every participant type: the schedule is checked
 * through its invariants (balance, battery energy, shiftable energy, price split, budget), not row by
 * row, since flat tariff blocks make schedules non-unique.
 */
class Ieee33DayTest {
  private static final int T = 96;
  private static final double HOURS = 0.25;
  @TempDir static Path dir;
  private static Scenario scenario;
  private static DispatchSolution solution;

  private static String series(IntToDoubleFunction f) {
    return IntStream.range(0, T).mapToObj(t -> String.format(Locale.ROOT, "%.3f", f.applyAsDouble(t)))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static double solar(int t, double peak) {
    double hour = t * HOURS;
    return hour < 6 || hour > 18 ? 0 : peak * Math.sin(Math.PI * (hour - 6) / 12);
  }

  @BeforeAll
  static void solve() throws Exception {
    Path feeder = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case33bw.m");
    String text = "name: ieee33-day\n"
        + "network: {matpower: " + feeder + ", vmin_pu: 0.9, background_profile: "
        + series(t -> 0.5 + 0.3 * Math.sin(Math.PI * t / T)) + "}\n"
        + "horizon: {intervals: 96, interval_minutes: 15}\n"
        + "tariff: {import: " + series(t -> t >= 68 && t < 88 ? 9 : t >= 28 ? 6 : 4) + ", export: 2.5}\n"
        + "participants:\n"
        + "  - {id: B18, type: building, bus: 18, load_kw: " + series(t -> 40 + 20 * Math.cos(2 * Math.PI * t / T))
        + ", pv_kw: " + series(t -> solar(t, 150)) + ",\n"
        + "     battery: {capacity_kwh: 200, charge_kw: 60, discharge_kw: 60, efficiency_charge: 0.95,"
        + " efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5, degradation_cost_per_kwh: 0.05},\n"
        + "     shiftable: {energy_kwh: 30, window: [36, 72], max_kw: 10}}\n"
        + "  - {id: B25, type: building, bus: 25, load_kw: 80, power_factor: 0.9, wind_kw: "
        + series(t -> 30 + 20 * Math.sin(t / 7.0)) + "}\n"
        + "  - {id: B33, type: building, bus: 33, load_kw: 60, pv_kw: " + series(t -> solar(t, 90)) + "}\n"
        + "  - {id: DG25, type: generator, bus: 25, min_kw: 0, max_kw: 200, cost_per_kwh: 7}\n"
        + "  - {id: CB6, type: community_battery, bus: 6, capacity_kwh: 500, charge_kw: 150, discharge_kw: 150,"
        + " efficiency_charge: 0.95, efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5}\n";
    Path file = dir.resolve("ieee33-day.yaml");
    Files.writeString(file, text);
    scenario = ScenarioLoader.load(file);
    DispatchResult result = LinDistFlowDispatch.solve(scenario);
    assertThat(result.status()).as(result.message()).isEqualTo(DispatchStatus.OPTIMAL);
    solution = result.optimal();
  }

  @Test
  void gridExchangeBalancesAllNetWithdrawalsAndTheBackgroundLoad() {
    RadialNetwork radial = scenario.network().radial();
    double background = java.util.Arrays.stream(radial.loadKw()).sum();
    for (int t = 0; t < T; t++) {
      double net = background * scenario.network().backgroundProfile().get(t);
      for (ParticipantSchedule s : solution.schedules()) {
        net -= s.netInjectionKw(t);
      }
      assertThat(solution.gridImportKw().get(t) - solution.gridExportKw().get(t)).as("interval %d", t)
          .isCloseTo(net, within(DELTA_KW));
    }
  }

  @Test
  void batteriesFollowTheirEnergyBalanceAndEndTheDayAtLeastWhereTheyStarted() {
    ParticipantSchedule cb = solution.schedule("CB6");
    double e = 250;
    for (int t = 0; t < T; t++) {
      e += (0.95 * cb.chargeKw().get(t) - cb.dischargeKw().get(t) / 0.95) * HOURS;
      assertThat(cb.socKwh().get(t)).isCloseTo(e, within(DELTA_KW)).isBetween(50 - DELTA_KW, 450 + DELTA_KW);
    }
    assertThat(cb.socKwh().get(T - 1)).isGreaterThanOrEqualTo(250 - DELTA_KW);
    assertThat(solution.schedule("B18").socKwh().get(T - 1)).isGreaterThanOrEqualTo(100 - DELTA_KW);
  }

  @Test
  void shiftableEnergyIsServedInsideItsWindow() {
    ParticipantSchedule b18 = solution.schedule("B18");
    double served = 0;
    for (int t = 0; t < T; t++) {
      if (t < 36 || t >= 72) {
        assertThat(b18.shiftedKw().get(t)).isCloseTo(0, within(DELTA_KW));
      }
      served += b18.shiftedKw().get(t) * HOURS;
    }
    assertThat(served).isCloseTo(30, within(DELTA_KW));
  }

  @Test
  void voltagesStayWithinLimitsAndPricesSplitExactly() {
    LocationalPrices p = solution.prices();
    for (int t = 0; t < T; t++) {
      for (int k = 0; k < p.dlmp().buses(); k++) {
        assertThat(solution.network().voltagePu().get(t, k)).isBetween(0.9 - 1e-7, 1.05 + 1e-7);
        double sum = p.energy().get(t, k) + p.voltage().get(t, k) + p.congestion().get(t, k);
        assertThat(sum).isCloseTo(p.dlmp().get(t, k), within(DELTA_PRICE));
      }
      assertThat(p.energy().get(t, 0)).isBetween(2.5 - DELTA_PRICE, scenario.tariff().importPrice().get(t) + DELTA_PRICE);
    }
  }

  @Test
  void settlementBalancesAndBuildingsAreNeverChargedForTheBackgroundLoad() {
    SettlementResult r = DlmpSettlement.settle(scenario, solution, BaseCase.of(scenario));
    assertThat(r.participants()).hasSize(5);
    assertThat(r.rows()).hasSize(5 * T);
    assertThat(r.participantsNet()).isCloseTo(r.utilityBill() + r.dsoSurplus(), within(1e-4));
  }
}
