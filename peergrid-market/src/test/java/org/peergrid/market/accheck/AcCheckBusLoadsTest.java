package org.peergrid.market.accheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * The AC check's bus loads put together once for the day ({@link BusLoads#day}) against the
 * per-interval sums that the check used before ({@link BusLoads#activeKw}, {@link BusLoads#reactiveKvar}),
 * on seeded random days on case33bw: the same loads to the last bit, the same power flows, and the
 * same when the solution's schedules are not in scenario order.
 */
class AcCheckBusLoadsTest {
  private static final String BATTERY = ", battery: {capacity_kwh: 40, charge_kw: 15, discharge_kw: 15,"
      + " efficiency_charge: 0.95, efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5}";

  @TempDir Path dir;

  /** 12 buildings at random buses with random load, PV, power factor and some batteries, and a DG. */
  private Scenario randomDay(long seed) throws Exception {
    SplittableRandom rng = new SplittableRandom(seed);
    Path feeder = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case33bw.m");
    StringBuilder y = new StringBuilder();
    y.append("network: {matpower: ").append(feeder.toAbsolutePath()).append(", vmin_pu: 0.9}\n");
    y.append("horizon: {intervals: 6}\ntariff: {import: [5, 5, 7, 9, 9, 6], export: 2}\nparticipants:\n");
    for (int b = 0; b < 12; b++) {
      y.append(String.format(Locale.ROOT, "  - {id: B%02d, type: building, bus: %d, load_kw: %s, power_factor: %.3f,"
          + " pv_kw: %s%s}%n", b, 2 + rng.nextInt(32), series(rng, 10, 60), 0.85 + 0.15 * rng.nextDouble(),
          series(rng, 0, 50), rng.nextBoolean() ? "" : BATTERY));
    }
    y.append("  - {id: DG18, type: generator, bus: 18, max_kw: 100, cost_per_kwh: 6.5}\n");
    Path file = dir.resolve("day" + seed + ".yaml");
    Files.writeString(file, y.toString());
    return ScenarioLoader.load(file);
  }

  private static String series(SplittableRandom rng, double low, double high) {
    List<String> v = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      v.add(String.format(Locale.ROOT, "%.2f", low + (high - low) * rng.nextDouble()));
    }
    return "[" + String.join(", ", v) + "]";
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theDaysLoadsAreThePerIntervalSums(long seed) throws Exception {
    Scenario s = randomDay(seed);
    DispatchSolution solution = new DlmpMechanism().clear(s).dispatch().optimal();
    List<ParticipantSchedule> reversed = new ArrayList<>(solution.schedules());
    Collections.reverse(reversed);
    DispatchSolution shuffled = new DispatchSolution(solution.objective(), reversed, solution.gridImportKw(),
        solution.gridExportKw(), solution.prices(), solution.network(), solution.notes());
    for (DispatchSolution sol : List.of(solution, shuffled)) {
      BusLoads.Day day = BusLoads.day(s, sol);
      for (int t = 0; t < 6; t++) {
        assertThat(day.activeKw()[t]).containsExactly(BusLoads.activeKw(s, solution, t));
        assertThat(day.reactiveKvar()[t]).containsExactly(BusLoads.reactiveKvar(s, t));
      }
    }
  }

  /** The check's figures against a power flow per interval fed by the per-interval sums. */
  @ParameterizedTest
  @ValueSource(longs = {6, 7, 8})
  void theCheckGivesThePowerFlowsOfThePerIntervalLoads(long seed) throws Exception {
    Scenario s = randomDay(seed);
    DispatchSolution solution = new DlmpMechanism().clear(s).dispatch().optimal();
    AcCheckResult check = AcCheck.run(s, solution);
    SweepPowerFlow sweep = new SweepPowerFlow(s.network().radial(), PowerFlowParameters.DEFAULT,
        s.network().rootVoltagePu());
    for (int t = 0; t < 6; t++) {
      PowerFlowResult pf = sweep.solve(BusLoads.activeKw(s, solution, t), BusLoads.reactiveKvar(s, t));
      AcInterval i = check.intervals().get(t);
      assertThat(i.lossesKw()).isEqualTo(pf.lossesKw());
      assertThat(i.vmin().pu()).isEqualTo(pf.voltageMagnitudePu(pf.minVoltageIndex()));
      assertThat(i.iterations()).isEqualTo(pf.iterations());
    }
  }
}
