package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_KW;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;
import static org.peergrid.market.testing.Tolerances.DELTA_PRICE;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.WorkedExamples;

/** docs/WORKED_EXAMPLES.md, solved by the LP: objective, schedule, grid totals, DLMPs and their split. */
class WorkedExamplesDispatchTest {
  @TempDir Path dir;

  private static DispatchSolution solve(Scenario s) {
    DispatchResult result = LinDistFlowDispatch.solve(s);
    assertThat(result.status()).as(result.message()).isEqualTo(DispatchStatus.OPTIMAL);
    return result.optimal();
  }

  private static int bus(Scenario s, int number) {
    RadialNetwork radial = s.network().radial();
    return radial.indexOf(number);
  }

  private static void assertPrices(Scenario s, DispatchSolution sol, int t, double[] dlmp, double[] energy,
      double[] voltage, double[] congestion) {
    LocationalPrices p = sol.prices();
    for (int b = 1; b <= 3; b++) {
      int k = bus(s, b);
      assertThat(p.dlmp().get(t, k)).as("DLMP at bus %d", b).isCloseTo(dlmp[b - 1], within(DELTA_PRICE));
      assertThat(p.energy().get(t, k)).as("energy part at bus %d", b).isCloseTo(energy[b - 1], within(DELTA_PRICE));
      assertThat(p.voltage().get(t, k)).as("voltage part at bus %d", b).isCloseTo(voltage[b - 1], within(DELTA_PRICE));
      assertThat(p.congestion().get(t, k)).as("congestion part at bus %d", b)
          .isCloseTo(congestion[b - 1], within(DELTA_PRICE));
    }
  }

  @Test
  void example1VoltageLimitMakesTheGeneratorMarginal() {
    Scenario s = WorkedExamples.example(1);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(10725, within(DELTA_MONEY));
    assertThat(sol.schedule("G3").generationKw().get(0)).isCloseTo(908.3333333, within(DELTA_KW));
    assertThat(sol.gridImportKw().get(0)).isCloseTo(691.6666667, within(DELTA_KW));
    assertThat(sol.network().voltagePu().get(0, bus(s, 3))).isCloseTo(0.95, within(1e-9));
    assertPrices(s, sol, 0, new double[] {5, 6, 8}, new double[] {5, 5, 5}, new double[] {0, 1, 3},
        new double[] {0, 0, 0});
  }

  @Test
  void example2HalfHourIntervalsLossyBatteryAndDegradation() {
    Scenario s = WorkedExamples.example(2);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(804.05, within(DELTA_MONEY));
    ParticipantSchedule b3 = sol.schedule("B3");
    assertThat(b3.chargeKw().get(0)).isCloseTo(100, within(DELTA_KW));
    assertThat(b3.dischargeKw().get(1)).isCloseTo(81, within(DELTA_KW));
    assertThat(b3.socKwh().get(0)).isCloseTo(45, within(DELTA_KW));
    assertThat(b3.socKwh().get(1)).isCloseTo(0, within(DELTA_KW));
    assertThat(sol.gridExportKwh(0.5)).isCloseTo(150, within(DELTA_KW));
    assertThat(sol.gridImportKwh(0.5)).isCloseTo(109.5, within(DELTA_KW));
    assertPrices(s, sol, 0, new double[] {2, 2, 2}, new double[] {2, 2, 2}, new double[3], new double[3]);
    assertPrices(s, sol, 1, new double[] {10, 10, 10}, new double[] {10, 10, 10}, new double[3], new double[3]);
  }

  @Test
  void example3ApparentPowerLimitWithKnownReactiveFlow() {
    Scenario s = WorkedExamples.example(3);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(6600, within(DELTA_MONEY));
    assertThat(sol.schedule("G2").generationKw().get(0)).isCloseTo(300, within(DELTA_KW));
    assertThat(sol.network().flowKw().get(0, bus(s, 2))).isCloseTo(900, within(DELTA_KW));
    assertPrices(s, sol, 0, new double[] {5, 7, 7}, new double[] {5, 5, 5}, new double[3], new double[] {0, 2, 2});
  }

  @Test
  void example3WithALimitBelowTheReactiveFlowIsInfeasibleWithADiagnosis() throws Exception {
    String text = Files.readString(WorkedExamples.folder().resolve("ex3.yaml")).replace("1500", "1000");
    DispatchResult result = LinDistFlowDispatch.solve(ScenarioLoader.load(WorkedExamples.write(dir, "x.yaml", text)));
    assertThat(result.status()).isEqualTo(DispatchStatus.INFEASIBLE);
    assertThat(result.solution()).isEmpty();
    assertThat(result.message()).isEqualTo("infeasible: the reactive flow into bus 2 alone, 1200.0 kvar in "
        + "interval 0, exceeds the branch's limit of 1000.0 kVA; raise the limit or supply reactive power locally");
  }

  @Test
  void example4OverVoltageForcesCurtailment() {
    Scenario s = WorkedExamples.example(4);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(-2720, within(DELTA_MONEY));
    assertThat(sol.schedule("B3").curtailedKw().get(0)).isCloseTo(140, within(DELTA_KW));
    assertThat(sol.schedule("B3").generationKw().get(0)).isCloseTo(1360, within(DELTA_KW));
    assertThat(sol.gridExportKw().get(0)).isCloseTo(1360, within(DELTA_KW));
    assertPrices(s, sol, 0, new double[] {2, 4.0 / 3, 0}, new double[] {2, 2, 2}, new double[] {0, -2.0 / 3, -2},
        new double[3]);
  }

  @Test
  void example4WithoutCurtailableHeadroomIsInfeasibleAndBlamesTheVoltageLimits() throws Exception {
    // 1500 kW of load at bus 2 drawn through a 0.9 p.u. floor that it cannot keep.
    String text = """
        network: {matpower: toy3.m, vmin_pu: 0.99, vmax_pu: 1.04}
        horizon: {intervals: 1}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B3, type: building, bus: 3, load_kw: 1500, power_factor: 1}
        """;
    DispatchResult result = LinDistFlowDispatch.solve(ScenarioLoader.load(WorkedExamples.write(dir, "y.yaml", text)));
    assertThat(result.status()).isEqualTo(DispatchStatus.INFEASIBLE);
    assertThat(result.message()).contains("the voltage limits [0.99, 1.04] p.u. cannot be met");
  }

  @Test
  void example5ShiftableLoadAndBackgroundProfile() {
    Scenario s = WorkedExamples.example(5);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(3920, within(DELTA_MONEY));
    assertThat(sol.schedule("B3").shiftedKw().values()).containsExactly(new double[] {0, 1, 2, 0}, within(DELTA_KW));
    assertThat(sol.gridImportKw().values()).containsExactly(new double[] {200, 101, 202, 100}, within(DELTA_KW));
    double[] tariff = {5, 8, 6, 9};
    for (int t = 0; t < 4; t++) {
      assertThat(sol.prices().dlmp().get(t, bus(s, 3))).as("DLMP at bus 3 in %d", t)
          .isCloseTo(tariff[t], within(DELTA_PRICE));
    }
  }

  @Test
  void example6NothingCrossesTheRootSoAnyPriceBetweenTheTariffsIsValid() {
    Scenario s = WorkedExamples.example(6);
    DispatchSolution sol = solve(s);
    assertThat(sol.objective()).isCloseTo(0, within(DELTA_MONEY));
    assertThat(sol.notes()).containsExactly("interval 0: nothing crosses the root, so the price is set by neither "
        + "tariff (any energy price in [2.0, 5.0] is valid)");
    for (int b = 1; b <= 3; b++) {
      assertThat(sol.prices().dlmp().get(0, bus(s, b))).isBetween(2 - DELTA_PRICE, 5 + DELTA_PRICE);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void partsAddUpToTheDlmpAtEveryBusAndInterval(int example) {
    Scenario s = WorkedExamples.example(example);
    LocationalPrices p = solve(s).prices();
    for (int t = 0; t < p.dlmp().intervals(); t++) {
      for (int k = 0; k < p.dlmp().buses(); k++) {
        double sum = p.energy().get(t, k) + p.voltage().get(t, k) + p.congestion().get(t, k);
        assertThat(sum).as("interval %d bus index %d", t, k).isCloseTo(p.dlmp().get(t, k), within(DELTA_PRICE));
      }
    }
  }

  @Test
  void dlmpIsTheCostOfOneMoreKwhOfLoad() throws Exception {
    // Finite difference on example 1: 0.5 kW more active load (pf 1, so no reactive load with it)
    // at bus 2 or 3 stays in the same basis.
    Scenario base = WorkedExamples.example(1);
    DispatchSolution solution = solve(base);
    String text = Files.readString(WorkedExamples.folder().resolve("ex1.yaml"));
    double[] expected = {6, 8};
    for (int i = 0; i < 2; i++) {
      int busNumber = i + 2;
      String more = text + "  - {id: X, type: building, bus: " + busNumber + ", load_kw: 0.5, power_factor: 1}\n";
      Scenario s = ScenarioLoader.load(WorkedExamples.write(dir, "fd" + i + ".yaml", more));
      assertThat((solve(s).objective() - solution.objective()) / 0.5).isCloseTo(expected[i], within(1e-6));
      assertThat(solution.prices().dlmp().get(0, bus(base, busNumber))).isCloseTo(expected[i], within(DELTA_PRICE));
    }
  }
}
