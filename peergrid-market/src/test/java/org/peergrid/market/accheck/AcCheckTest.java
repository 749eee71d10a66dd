package org.peergrid.market.accheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.powerflow.PowerFlowStatus;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.WorkedExamples;

/** The AC check of LP schedules on toy3, against the exact branch-flow equations solved independently. */
class AcCheckTest {
  /** Voltages [p.u.]: the sweep converges to 1e-10 and the oracle to machine precision. */
  static final double DELTA_V = 1e-9;
  /** Powers [kW, kVA]. */
  static final double DELTA_KW = 1e-6;
  static final double[] R = {0, 0.01, 0.02};
  static final double[] X = {0, 0.02, 0.02};

  @TempDir Path dir;

  private static DispatchSolution solve(Scenario s) {
    DispatchResult result = LinDistFlowDispatch.solve(s);
    assertThat(result.status()).as(result.message()).isEqualTo(DispatchStatus.OPTIMAL);
    return result.optimal();
  }

  @Test
  void example1BusThreeSitsJustBelowTheLimitThatLinDistFlowHoldsExactly() {
    Scenario s = WorkedExamples.example(1);
    DispatchSolution sol = solve(s);
    double g = sol.schedule("G3").generationKw().get(0) / 1000;
    ChainDistFlow exact = new ChainDistFlow(1.0, R, X, new double[] {0, 0.4, 1.2 - g}, new double[] {0, 0, 0.9});

    AcCheckResult ac = AcCheck.run(s, sol);

    AcInterval t0 = ac.intervals().get(0);
    assertThat(t0.status()).isEqualTo(PowerFlowStatus.CONVERGED);
    assertThat(t0.vmin().bus()).isEqualTo(3);
    assertThat(t0.vmin().pu()).isCloseTo(exact.v[2], within(DELTA_V));
    // LinDistFlow puts bus 3 at exactly 0.95; the losses it ignores pull the AC voltage a little lower.
    assertThat(sol.network().voltagePu().get(0, s.network().radial().indexOf(3))).isCloseTo(0.95, within(1e-9));
    assertThat(0.95 - t0.vmin().pu()).isBetween(1e-3, 0.02);
    assertThat(t0.lossesKw()).isCloseTo(exact.losses * 1000, within(DELTA_KW));
    assertThat(ac.lossesKwh()).isCloseTo(exact.losses * 1000, within(DELTA_KW));
    assertThat(ac.vmax()).hasValueSatisfying(v -> assertThat(v.bus()).isEqualTo(1));

    assertThat(ac.violations()).singleElement().satisfies(v -> {
      assertThat(v.interval()).isZero();
      assertThat(v.kind()).isEqualTo(AcViolation.Kind.UNDER_VOLTAGE);
      assertThat(v.element()).isEqualTo("bus 3");
      assertThat(v.limit()).isEqualTo(0.95);
      assertThat(v.excess()).isCloseTo(0.95 - exact.v[2], within(DELTA_V));
    });
    assertThat(ac.voltageViolations()).isEqualTo(1);
    assertThat(ac.branchViolations()).isZero();
  }

  @Test
  void example3BranchAtItsLimitInTheLpIsOverloadedInAcByItsLosses() {
    Scenario s = WorkedExamples.example(3);
    DispatchSolution sol = solve(s);
    double g = sol.schedule("G2").generationKw().get(0) / 1000;
    // Bus 2: the generator and 300 kvar of background; bus 3: 1200 kW at pf 0.8.
    ChainDistFlow exact = new ChainDistFlow(1.0, R, X, new double[] {0, -g, 1.2}, new double[] {0, 0.3, 0.9});

    AcCheckResult ac = AcCheck.run(s, sol);

    assertThat(ac.mostLoaded()).hasValueSatisfying(b -> {
      assertThat(b.element()).isEqualTo("1-2");
      assertThat(b.kva()).isCloseTo(exact.sendingS(1) * 1000, within(DELTA_KW));
      assertThat(b.percent()).isGreaterThan(100);
    });
    assertThat(ac.violations()).filteredOn(v -> v.kind() == AcViolation.Kind.BRANCH_OVERLOAD).singleElement()
        .satisfies(v -> {
          assertThat(v.element()).isEqualTo("1-2");
          assertThat(v.limit()).isEqualTo(1500);
          assertThat(v.excess()).isCloseTo(exact.sendingS(1) * 1000 - 1500, within(DELTA_KW));
          assertThat(v.excess()).isPositive();
        });
  }

  @Test
  void netBusLoadsAddUpToTheLpsGridExchangeAndTheSourceToLoadsPlusLosses() {
    for (int example : new int[] {2, 5}) {
      Scenario s = WorkedExamples.example(example);
      DispatchSolution sol = solve(s);
      AcCheckResult ac = AcCheck.run(s, sol);
      for (int t = 0; t < s.horizon().intervals(); t++) {
        double total = 0;
        for (double kw : BusLoads.activeKw(s, sol, t)) {
          total += kw;
        }
        double lpExchange = sol.gridImportKw().get(t) - sol.gridExportKw().get(t);
        assertThat(total).as("example %d interval %d", example, t).isCloseTo(lpExchange, within(DELTA_KW));
        AcInterval i = ac.intervals().get(t);
        assertThat(i.sourceKw()).isCloseTo(total + i.lossesKw(), within(DELTA_KW));
        assertThat(i.lossesKwh()).isCloseTo(i.lossesKw() * s.horizon().hours(), within(1e-12));
      }
      assertThat(ac.violations()).as("example %d has slack limits", example).isEmpty();
      assertThat(ac.converged()).isTrue();
    }
  }

  @Test
  void theScenarioRootVoltageIsTheAcRootVoltage() {
    Path file = WorkedExamples.write(dir, "root.yaml", """
        network: {matpower: toy3.m, vmin_pu: 0.9, vmax_pu: 1.1, root_voltage_pu: 1.04}
        horizon: {intervals: 1}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B3, type: building, bus: 3, load_kw: 500, power_factor: 0.9}
        """);
    Scenario s = ScenarioLoader.load(file);
    double q = 0.5 * Math.tan(Math.acos(0.9));
    ChainDistFlow exact = new ChainDistFlow(1.04, R, X, new double[] {0, 0, 0.5}, new double[] {0, 0, q});

    AcCheckResult ac = AcCheck.run(s, solve(s));

    assertThat(ac.vmax()).hasValueSatisfying(v -> assertThat(v.pu()).isCloseTo(1.04, within(DELTA_V)));
    assertThat(ac.vmin()).hasValueSatisfying(v -> assertThat(v.pu()).isCloseTo(exact.v[2], within(DELTA_V)));
  }

  @Test
  void anIntervalWhoseAcFlowCollapsesIsReportedAndLeftOutOfTheTotals() {
    // LinDistFlow accepts 14 MW at bus 3 (v3 = 1 − 2·0.03·14 = 0.16 ≥ 0.3²) but no AC solution exists:
    // a unity power factor load through r + jx gets at most V²/(2(|z| + r)) = 6.25 MW.
    Path file = WorkedExamples.write(dir, "collapse.yaml", """
        network: {matpower: toy3.m, vmin_pu: 0.3, vmax_pu: 1.1}
        horizon: {intervals: 2}
        tariff: {import: 5, export: 2}
        participants:
          - {id: B3, type: building, bus: 3, load_kw: [100, 14000], power_factor: 1}
        """);
    Scenario s = ScenarioLoader.load(file);
    ChainDistFlow exact = new ChainDistFlow(1.0, R, X, new double[] {0, 0, 0.1}, new double[] {0, 0, 0});

    AcCheckResult ac = AcCheck.run(s, solve(s));

    assertThat(ac.converged()).isFalse();
    assertThat(ac.nonConvergedIntervals()).containsExactly(1);
    assertThat(ac.violations()).isEmpty();
    assertThat(ac.lossesKwh()).isCloseTo(exact.losses * 1000, within(DELTA_KW));
    assertThat(ac.vmin()).hasValueSatisfying(v -> {
      assertThat(v.interval()).isZero();
      assertThat(v.pu()).isCloseTo(exact.v[2], within(DELTA_V));
    });
  }
}
