package org.peergrid.market.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.model.Branch;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * An independent check of prices and costs on case33bw with a binding voltage limit, derived by hand
 * from the LinDistFlow equations rather than read from the LP.
 *
 * <p>Derivation. One interval, background load at 60 %, one 10 kW building at bus 2, a DG at the far
 * end of the main lateral (bus 18, 8 per kWh, dearer than the import price 5). With fixed loads,
 * LinDistFlow gives every squared voltage in closed form: v_k = v_parent − 2(r_k P_k + x_k Q_k) with
 * P_k, Q_k the load of the subtree below k. Bus 18 is the lowest; the test sets V^min so that v_18 is
 * short of (V^min)² by δ = 0.003 without the DG. An injection g at bus j raises v_18 by 2·R(j,18)·g,
 * where R(j,18) is the resistance of the path that j and 18 share from the root. So the DG must make
 * up exactly g = δ / (2·R(18,18)) and nothing else binds (g is below bus 18's own load, so bus 17
 * stays above bus 18). The DG is then marginal: with μ the dual of v_18 ≥ (V^min)², 8 = 5 + 2·R(18,18)·μ,
 * and one more kW at bus j costs DLMP_j = 5 + 2·R(j,18)·μ = 5 + 3·R(j,18)/R(18,18) (cf. worked example 1).
 * Energy part 5, voltage part DLMP − 5, congestion 0; objective 5·(load − g) + 8·g.
 */
class Ieee33VoltageLimitTest {
  static final double MULTIPLIER = 0.6;
  static final double BUILDING_KW = 10;
  static final double DELTA = 0.003;

  @TempDir Path dir;

  @Test
  void pricesAndCostsMatchTheHandDerivation() throws Exception {
    Path feeder = Path.of(System.getProperty("peergrid.root.dir", "..")).resolve("examples/feeders/case33bw.m")
        .toAbsolutePath();
    // First the closed-form voltages without the DG, to place V^min (needs the network only).
    Scenario probe = load(feeder, 0.9);
    RadialNetwork net = probe.network().radial();
    int n = net.busCount();
    double base = net.baseKva();
    double[] p = new double[n];
    double[] q = new double[n];
    double[] bgP = net.loadKw();
    double[] bgQ = net.loadKvar();
    for (int k = 0; k < n; k++) {
      p[k] = MULTIPLIER * bgP[k] / base;
      q[k] = MULTIPLIER * bgQ[k] / base;
    }
    p[net.indexOf(2)] += BUILDING_KW / base;
    for (int k = n - 1; k >= 1; k--) { // subtree sums: children come after parents
      p[net.parent(k)] += p[k];
      q[net.parent(k)] += q[k];
    }
    double[] v = new double[n];
    double[] pathR = new double[n];
    v[0] = 1.0;
    for (int k = 1; k < n; k++) {
      Branch b = net.branchInto(k);
      v[k] = v[net.parent(k)] - 2 * (b.resistancePu() * p[k] + b.reactancePu() * q[k]);
      pathR[k] = pathR[net.parent(k)] + b.resistancePu();
    }
    int bus18 = net.indexOf(18);
    for (int k = 0; k < n; k++) {
      assertThat(v[k]).as("bus 18 is the lowest").isGreaterThanOrEqualTo(v[bus18]);
    }
    double vmin = Math.sqrt(v[bus18] + DELTA);
    // Every other bus stays clear of the limit even without the DG's help.
    for (int k = 0; k < n; k++) {
      if (k != bus18 && !onPath(net, k, bus18)) {
        assertThat(v[k]).as("bus %d", net.busNumber(k)).isGreaterThan(vmin * vmin + 1e-4);
      }
    }

    Scenario scenario = load(feeder, vmin);
    DispatchResult result = LinDistFlowDispatch.solve(scenario);
    DispatchSolution sol = result.optimal();

    double gKw = DELTA / (2 * pathR[bus18]) * base;
    assertThat(gKw).isLessThan(MULTIPLIER * 90); // below bus 18's own load, as the derivation assumes
    assertThat(sol.schedule("G18").netInjectionKw(0)).isCloseTo(gKw, within(1e-6));
    double loadKw = MULTIPLIER * net.feeder().totalLoadKw() + BUILDING_KW;
    assertThat(sol.objective()).isCloseTo(5 * (loadKw - gKw) + 8 * gKw, within(1e-6));
    for (int k = 0; k < n; k++) {
      double shared = sharedPathR(net, pathR, k, bus18);
      double expected = 5 + 3 * shared / pathR[bus18];
      assertThat(sol.prices().dlmp().get(0, k)).as("DLMP bus %d", net.busNumber(k)).isCloseTo(expected, within(1e-6));
      assertThat(sol.prices().energy().get(0, k)).isCloseTo(5, within(1e-6));
      assertThat(sol.prices().voltage().get(0, k)).isCloseTo(expected - 5, within(1e-6));
      assertThat(sol.prices().congestion().get(0, k)).isCloseTo(0, within(1e-6));
    }
    assertThat(sol.prices().dlmp().get(0, bus18)).isCloseTo(8, within(1e-6));
  }

  private Scenario load(Path feeder, double vmin) throws Exception {
    String yaml = String.join("\n",
        "version: 1",
        "name: ieee33-voltage",
        "network: {matpower: '" + feeder + "', vmin_pu: " + vmin + ", background_profile: [" + MULTIPLIER + "]}",
        "horizon: {intervals: 1, interval_minutes: 60}",
        "tariff: {import: 5, export: 2}",
        "participants:",
        "  - {id: B2, type: building, bus: 2, load_kw: " + BUILDING_KW + ", power_factor: 1.0}",
        "  - {id: G18, type: generator, bus: 18, max_kw: 300, cost_per_kwh: 8}",
        "");
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, yaml);
    return ScenarioLoader.load(file);
  }

  private static boolean onPath(RadialNetwork net, int k, int leaf) {
    for (int i = leaf; i >= 0; i = net.parent(i)) {
      if (i == k) {
        return true;
      }
    }
    return false;
  }

  /** Resistance of the path that buses a and b share from the root. */
  private static double sharedPathR(RadialNetwork net, double[] pathR, int a, int b) {
    for (int i = a; i >= 0; i = net.parent(i)) {
      if (onPath(net, i, b)) {
        return pathR[i];
      }
    }
    return 0;
  }
}
