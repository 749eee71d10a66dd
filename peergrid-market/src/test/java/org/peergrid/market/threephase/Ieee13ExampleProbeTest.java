package org.peergrid.market.threephase;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;

class Ieee13ExampleProbeTest {
  @Test
  void probe() {
    Path file = Path.of(System.getProperty("peergrid.root.dir"), "examples", "ieee13-3ph", "scenario.yaml");
    ThreePhaseScenario s = ScenarioLoader.loadThreePhase(file);
    long start = System.nanoTime();
    ThreePhaseMarket m = ThreePhaseMarket.solve(s);
    System.out.printf("solve %.0f ms status %s rounds %d ac %s worst %.2e cost %.3f%n", (System.nanoTime() - start) / 1e6,
        m.day().status(), m.rounds(), m.acPassed(), m.worstViolationPu(), m.day().cost());
    var net = m.clearing().model().network();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      var r = m.day().intervals().get(t);
      double vmax = 0;
      for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
        if (net.nodeNumbers()[k] <= 3) vmax = Math.max(vmax, Math.sqrt(r.voltagePu2()[k]));
      }
      System.out.printf(Locale.ROOT, "vmax %.4f ", vmax);
      double vmin = 9;
      int at = -1;
      for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
        if (net.nodeNumbers()[k] <= 3 && r.voltagePu2()[k] < vmin) { vmin = r.voltagePu2()[k]; at = k; }
      }
      double pmin = 99, pmax = -99;
      for (var p : r.prices()) { pmin = Math.min(pmin, p.dlmp()); pmax = Math.max(pmax, p.dlmp()); }
      System.out.printf(Locale.ROOT, "t=%2d g=%7.1f e=%7.1f lambda=%.3f dlmp [%.4f, %.4f] vmin %.4f at %s.%d pvur lin %.4f ac %.4f acVmin %.4f%n",
          t, r.importKw(), r.exportKw(), r.prices().get(0).energy(), pmin, pmax, Math.sqrt(vmin),
          net.busNames()[net.busOf(at)], net.nodeNumbers()[at], m.largestLinearUnbalance(t), m.largestUnbalance(t),
          m.acChecks().get(t).result().vmPu(m.acChecks().get(t).lowestNode()));
    }
    for (var p : m.day().participants()) {
      System.out.printf(Locale.ROOT, "%s net %s price %s%n", p.id(), fmt(p.netKw()), fmt(p.price()));
    }
  }

  static String fmt(double[] a) {
    StringBuilder b = new StringBuilder();
    for (double x : a) b.append(String.format(Locale.ROOT, "%.3f ", x));
    return b.toString();
  }
}
