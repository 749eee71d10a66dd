package org.peergrid.market.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.settlement.SettlementResult;

/**
 * A 24-hour day on the IEEE 69-bus feeder (case69) whose lateral 56–57, feeding the large loads at
 * buses 59–65, is limited so that it binds in the evening: 20 buildings (residential and
 * commercial shapes, rooftop PV on every other one), a DG behind the limit dearer than any tariff
 * and a community battery beside it (AC-corrected, the default). The day of issue 15: at DLMPs
 * buildings behind the limit pay more than alone; with the rent returned (the default basis)
 * lmp-sharing leaves every building at least as well off and the community saves.
 */
class Ieee69ThermalDayTest {
  private static final int T = 24;
  /** Buses behind the limited branch 56–57 that carry buildings. */
  private static final int[] BEHIND = {57, 58, 59, 60, 62, 63, 64, 65};
  /** Buses on the trunk and other laterals. */
  private static final int[] ELSEWHERE = {5, 8, 12, 16, 21, 24, 28, 33, 37, 41, 45, 49};
  @TempDir static Path dir;
  private static CooperativeDay day;

  private static String series(IntToDoubleFunction f) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (int t = 0; t < T; t++) {
      j.add(String.format(Locale.ROOT, "%.2f", f.applyAsDouble(t)));
    }
    return j.toString();
  }

  private static double solar(int t) {
    return t < 6 || t > 18 ? 0 : Math.sin(Math.PI * (t - 6) / 12);
  }

  /** Residential: morning bump, evening peak at 19 h; commercial: office hours. */
  private static double shape(boolean commercial, int t) {
    return commercial ? (t >= 8 && t <= 18 ? 1.0 : 0.3)
        : 0.35 + 0.25 * Math.exp(-Math.pow(t - 7, 2) / 2) + 0.65 * Math.exp(-Math.pow(t - 19.5, 2) / 4);
  }

  @BeforeAll
  static void clear() throws Exception {
    Path feeder = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case69.m");
    StringBuilder y = new StringBuilder("name: ieee69-thermal\ncurrency: INR\n")
        .append("network: {matpower: ").append(feeder).append(", vmin_pu: 0.9, branch_limit_kva: {\"56-57\": 1700},")
        .append(" background_profile: ").append(series(t -> 0.55 + 0.3 * shape(false, t))).append("}\n")
        .append("horizon: {intervals: 24, interval_minutes: 60}\n")
        .append("tariff: {import: ").append(series(t -> t >= 18 && t <= 22 ? 8.4 : t >= 9 && t <= 17 ? 5.6 : 7.0))
        .append(", export: 3}\nparticipants:\n");
    int n = 0;
    for (int[] buses : new int[][] {BEHIND, ELSEWHERE}) {
      for (int bus : buses) {
        boolean commercial = n % 3 == 2;
        double peak = commercial ? 60 + 5 * (n % 4) : 25 + 3 * (n % 5);
        double pv = n % 2 == 0 ? (commercial ? 60 : 30) : 0;
        final boolean c = commercial;
        y.append(String.format(Locale.ROOT, "  - {id: B%02d, type: building, bus: %d, power_factor: 0.95, load_kw: %s",
            ++n, bus, series(t -> peak * shape(c, t))));
        if (pv > 0) {
          y.append(", pv_kw: ").append(series(t -> pv * solar(t)));
        }
        y.append("}\n");
      }
    }
    y.append("  - {id: DG61, type: generator, bus: 61, max_kw: 300, cost_per_kwh: 9}\n")
        .append("  - {id: CB61, type: community_battery, bus: 61, capacity_kwh: 600, charge_kw: 200, discharge_kw: 200,")
        .append(" efficiency_charge: 0.95, efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5,")
        .append(" degradation_cost_per_kwh: 0.2}\n");
    Files.writeString(dir.resolve("day69.yaml"), y.toString());
    day = CooperativeDay.solve(ScenarioLoader.load(dir.resolve("day69.yaml")));
  }

  @Test
  void theLimitBindsAndDlmpsLeaveBuildingsBehindItWorseOffThanAlone() {
    CooperativeOutcome o = day.outcome().orElseThrow();
    assertThat(day.dispatch().message()).contains("AC-corrected");
    assertThat(day.acCheck().orElseThrow().violations()).isEmpty();
    // The rent is what the limit earns; the DG behind it runs although it is dearer than any tariff.
    assertThat(o.networkRent()).isCloseTo(3029.01, within(0.01));
    assertThat(o.members()).filteredOn(m -> m.id().equals("DG61"))
        .singleElement().satisfies(g -> assertThat(g.throughputKwh()).isPositive());
    SettlementResult dlmp = new DlmpMechanism().settle(o).settlement().orElseThrow();
    assertThat(dlmp.participants()).filteredOn(p -> p.savings().isPresent() && p.savings().getAsDouble() < -1e-6)
        .isNotEmpty();
    assertThat(o.baseCost() - CommunityBill.DLMP_LESS_RENT.of(o))
        .isCloseTo(o.baseCost() - CommunityBill.DLMP.of(o) + o.networkRent(), within(1e-6));
  }

  @Test
  void lmpSharingLeavesEveryBuildingAtLeastAsWellOffAndTheCommunitySaves() {
    MechanismOutcome out = new LmpSharingMechanism().settle(day.outcome().orElseThrow());
    assertThat(out.status()).as(out.message()).isEqualTo(SettlementStatus.SETTLED);
    SettlementResult s = out.settlement().orElseThrow();
    assertThat(s.baseCost()).isCloseTo(58155.33, within(0.01));
    assertThat(s.baseCost() - s.totalCost()).isCloseTo(5346.61, within(0.01));
    assertThat(s.participants()).filteredOn(p -> p.savings().isPresent())
        .hasSize(20)
        .allSatisfy(p -> assertThat(p.savings().getAsDouble()).as(p.participant()).isGreaterThanOrEqualTo(0));
  }
}
