package org.peergrid.market.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.testing.WorkedExamples;

/** Scenarios for the real-time tests, and the day-ahead stage run on them. */
final class RealtimeScenarios {
  private RealtimeScenarios() {}

  /** Every participant type on toy3, 4 × 1 h: batteries, a shiftable load, PV, wind, a DG. */
  static final String TOY = """
      name: rt-toy
      network: {matpower: toy3.m, vmin_pu: 0.9, vmax_pu: 1.1}
      horizon: {intervals: 4}
      tariff: {import: [4, 6, 9, 5], export: 2}
      participants:
        - id: B2
          type: building
          bus: 2
          load_kw: [80, 120, 150, 90]
          pv_kw: [0, 60, 90, 10]
          battery: {capacity_kwh: 100, charge_kw: 40, discharge_kw: 40, efficiency_charge: 0.95,
                    efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5,
                    degradation_cost_per_kwh: 0.05}
          shiftable: {energy_kwh: 30, window: [0, 3], max_kw: 20}
        - {id: B3, type: building, bus: 3, load_kw: [60, 70, 90, 50], wind_kw: [20, 30, 10, 25]}
        - {id: G3, type: generator, bus: 3, max_kw: 50, cost_per_kwh: 7}
        - {id: CB2, type: community_battery, bus: 2, capacity_kwh: 200, charge_kw: 50, discharge_kw: 50,
           efficiency_charge: 0.9, efficiency_discharge: 0.9, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.3}
      """;

  /** Two buildings without batteries on toy3, one interval, tariff 5 and 2 (real time 6 and 1.6). */
  static final String TWO_ON_TOY3 = """
      network: {matpower: toy3.m, vmin_pu: 0.9, vmax_pu: 1.1}
      horizon: {intervals: 1}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: 100}
        - {id: B3, type: building, bus: 3, load_kw: 50, pv_kw: 200}
      """;

  static Scenario load(Path dir, String name, String text) {
    return ScenarioLoader.load(WorkedExamples.write(dir, name, text));
  }

  /** IEEE 33-bus, 24 × 1 h: ten buildings, five with batteries, PV and a community battery. */
  static Scenario ieee33(Path dir) {
    Path feeder = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "case33bw.m");
    StringBuilder text = new StringBuilder("name: rt-ieee33\n"
        + "network: {matpower: " + feeder + ", vmin_pu: 0.9, background_profile: "
        + series(t -> 0.5 + 0.3 * Math.sin(Math.PI * t / 24)) + "}\n"
        + "horizon: {intervals: 24}\n"
        + "tariff: {import: " + series(t -> t >= 17 && t < 22 ? 9 : t >= 7 ? 6 : 4) + ", export: 2.5}\n"
        + "participants:\n");
    for (int b = 0; b < 10; b++) {
      final int i = b;
      int bus = 4 + 3 * i;
      double peak = 20 + 5 * i;
      text.append("  - {id: B").append(bus).append(", type: building, bus: ").append(bus)
          .append(", load_kw: ").append(series(t -> 15 + i % 3 * 5 + 10 * Math.cos(2 * Math.PI * (t - 19) / 24)))
          .append(", pv_kw: ").append(series(t -> solar(t, peak)));
      if (i % 2 == 0) {
        text.append(",\n     battery: {capacity_kwh: 60, charge_kw: 20, discharge_kw: 20, efficiency_charge: 0.95,"
            + " efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5, degradation_cost_per_kwh: 0.05}");
      }
      if (i == 3) {
        text.append(",\n     shiftable: {energy_kwh: 20, window: [9, 16], max_kw: 8}");
      }
      text.append("}\n");
    }
    text.append("  - {id: CB6, type: community_battery, bus: 6, capacity_kwh: 300, charge_kw: 80, discharge_kw: 80,"
        + " efficiency_charge: 0.95, efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5}\n");
    try {
      Path file = dir.resolve("rt-ieee33.yaml");
      Files.writeString(file, text);
      return ScenarioLoader.load(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Clears the day ahead and settles it; fails the test if the day is infeasible. */
  static DayAhead dayAhead(Scenario s) {
    DispatchResult r = LinDistFlowDispatch.solve(s);
    if (r.status() != DispatchStatus.OPTIMAL) {
      throw new AssertionError(r.message());
    }
    return DayAhead.settle(s, r.optimal(), "cleared now");
  }

  private static String series(IntToDoubleFunction f) {
    return IntStream.range(0, 24).mapToObj(t -> String.format(Locale.ROOT, "%.3f", f.applyAsDouble(t)))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static double solar(int t, double peak) {
    return t < 6 || t > 18 ? 0 : peak * Math.sin(Math.PI * (t - 6) / 12);
  }
}
