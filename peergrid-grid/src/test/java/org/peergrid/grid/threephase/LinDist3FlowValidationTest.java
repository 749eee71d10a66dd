package org.peergrid.grid.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.testsupport.TestFeeders;

/**
 * LinDist3Flow's squared voltages against the three-phase power flow, node by node, with the loads
 * as constant powers (what the linear model and the market assume; the power flow then solves the
 * same loads exactly).
 *
 * <p>The tolerance is the linearisation's own error, bounded node by node from the power flow's
 * solution by {@link LinDist3Flow#errorBoundPu2} (second order in the deviation from the no-load
 * point, derived there): computed, not chosen.
 */
class LinDist3FlowValidationTest {
  /** Rooftop PV per home in the PV case, kW (a typical 5 kWp system at full output). */
  private static final double PV_KW = 5;
  private static final int PV_HOMES = 10;

  static PhaseNetwork feeder(String folder, String master) {
    Path file = TestFeeders.root().resolve("examples/feeders/opendss").resolve(folder).resolve(master);
    return DssNetworkBuilder.build(DssScriptReader.read(file));
  }

  /** The same feeder with every load and generator at constant P and Q over 0.5 to 2 p.u. */
  static PhaseNetwork constantPower(PhaseNetwork net, List<LoadElement> extra) {
    List<LoadElement> loads = new ArrayList<>();
    for (LoadElement l : net.loads()) {
      loads.add(new LoadElement(l.name, l.location, l.from, l.to, 1, l.watts, l.vars, l.vbase, 0.5, 2.0, 0.4, 1, 2,
          l.generator));
    }
    loads.addAll(extra);
    return new PhaseNetwork(net.name(), net.busNames(), net.parent(), net.firstNode(), net.nodeNumbers(),
        net.busFirstElement(), net.elements(), loads, net.sourceNodes(), net.sourceY(), net.sourceEmf(),
        net.regulators(), net.voltageBasesKv(), net.voltageBasesLocation(), net.frequency());
  }

  /** Errors of the linear model against a converged power flow, and the bound they must respect. */
  record Comparison(double maxErrorPu2, double maxMagnitudeErrorPu, double maxBoundPu2, double maxDeviationPu,
      int nodes) {}

  static Comparison compare(LinDist3Flow model, ThreePhaseResult r, boolean assertBound) {
    PhaseNetwork net = model.network();
    List<LinDist3Flow.Injection> injections = model.feederInjections();
    double[] vlin = model.voltagesPu2(injections);
    int n = net.nodeCount();
    double[] vr = new double[n];
    double[] vi = new double[n];
    for (int k = 0; k < n; k++) {
      vr[k] = r.voltageRe(k);
      vi[k] = r.voltageIm(k);
    }
    // + 1e-9 p.u.^2: the power flow's own tolerance (1e-10 p.u.) and round-off
    double[] bound = model.errorBoundPu2(injections, vr, vi);
    double maxError = 0;
    double maxMagnitude = 0;
    double maxBound = 0;
    double maxDeviation = 0;
    for (int k = 0; k < n; k++) {
      double[] w = model.noLoadVoltage(k);
      double error = Math.abs(vlin[k] - r.vmPu(k) * r.vmPu(k));
      if (assertBound) {
        assertThat(error).as("node %s.%d", net.busNames()[net.busOf(k)], net.nodeNumbers()[k])
            .isLessThanOrEqualTo(bound[k] + 1e-9);
      }
      maxError = Math.max(maxError, error);
      maxMagnitude = Math.max(maxMagnitude, Math.abs(Math.sqrt(vlin[k]) - r.vmPu(k)));
      maxBound = Math.max(maxBound, bound[k]);
      maxDeviation = Math.max(maxDeviation, Math.hypot(vr[k] - w[0], vi[k] - w[1]) / model.baseVolts(k));
    }
    return new Comparison(maxError, maxMagnitude, maxBound, maxDeviation, n);
  }

  private static void print(String name, Comparison c) {
    System.out.printf(Locale.ROOT, "LinDist3Flow %-34s nodes %4d  max|dv| %.2e pu^2  max||V|| %.2e pu  bound %.2e pu^2"
        + "  max|V-w| %.3f pu%n", name, c.nodes(), c.maxErrorPu2(), c.maxMagnitudeErrorPu(), c.maxBoundPu2(),
        c.maxDeviationPu());
  }

  /**
   * The feeder with constant-power loads, asserted against the bound; then as published, printed only
   * (its own load models: the bound is for constant power). Each power flow runs before its model is
   * built, so that the model sits at the final taps.
   */
  private static Comparison compareBoth(String folder, String master, String asPublished) {
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(constantPower(feeder(folder, master), List.of()),
        ThreePhaseParameters.defaults());
    ThreePhaseResult r = pf.solve();
    assertThat(r.converged()).isTrue();
    Comparison c = compare(new LinDist3Flow(pf), r, true);
    print(folder + " (constant-power loads)", c);
    ThreePhasePowerFlow published = new ThreePhasePowerFlow(feeder(folder, master), ThreePhaseParameters.defaults());
    ThreePhaseResult r2 = published.solve();
    print(folder + " (" + asPublished + ")", compare(new LinDist3Flow(published), r2, false));
    return c;
  }

  @Test
  void ieee13WithRegulatorsAtTheirFinalTaps() {
    Comparison c = compareBoth("ieee13", "IEEE13Nodeckt.dss", "its load models");
    // the feeder's loads pull voltages ~0.15 p.u. from the no-load point: a second-order error of a few 1e-3
    assertThat(c.maxDeviationPu()).isGreaterThan(0.05);
  }

  @Test
  void europeanLvWithItsLoads() {
    Comparison c = compareBoth("european_lv", "Master.dss", "loads above vmaxpu");
    assertThat(c.maxErrorPu2()).isPositive();
  }

  /**
   * Ten homes on phase a get 5 kW of PV each (model-1 generators at unity power factor): phase a
   * rises above the no-load voltage and above phases b and c, and the linear model shows the same.
   */
  @Test
  void europeanLvWithPvOnPhaseA() {
    PhaseNetwork base = feeder("european_lv", "Master.dss");
    List<LoadElement> pv = new ArrayList<>();
    List<Integer> pvNodes = new ArrayList<>();
    for (LoadElement l : base.loads()) {
      if (pv.size() < PV_HOMES && l.from.length == 1 && l.to[0] < 0 && base.nodeNumbers()[l.from[0]] == 1) {
        pv.add(new LoadElement("Generator.pv_" + l.name, "test", l.from, l.to, 1, -PV_KW * 1000, 0, l.vbase, 0.5, 2.0,
            0.4, 1, 2, true));
        pvNodes.add(l.from[0]);
      }
    }
    assertThat(pv).hasSize(PV_HOMES);
    PhaseNetwork net = constantPower(base, pv);
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults());
    ThreePhaseResult r = pf.solve();
    assertThat(r.converged()).isTrue();
    LinDist3Flow model = new LinDist3Flow(pf);
    Comparison c = compare(model, r, true);
    print("european_lv + 10 x 5 kW PV on phase a", c);

    double[] vlin = model.voltagesPu2(model.feederInjections());
    double largestRise = 0;
    double largestSpread = 0;
    double largestSpreadLinear = 0;
    for (int k : pvNodes) {
      int bus = net.busOf(k);
      int b = net.node(bus, 2);
      int cNode = net.node(bus, 3);
      largestRise = Math.max(largestRise, r.vmPu(k) - Math.sqrt(model.noLoadPu2(k)));
      // phase a above both others, in the power flow and in the linear model
      assertThat(r.vmPu(k)).isGreaterThan(Math.max(r.vmPu(b), r.vmPu(cNode)));
      assertThat(vlin[k]).isGreaterThan(Math.max(vlin[b], vlin[cNode]));
      largestSpread = Math.max(largestSpread, r.vmPu(k) - Math.min(r.vmPu(b), r.vmPu(cNode)));
      largestSpreadLinear = Math.max(largestSpreadLinear, Math.sqrt(vlin[k]) - Math.sqrt(Math.min(vlin[b], vlin[cNode])));
    }
    assertThat(largestRise).isPositive();
    System.out.printf(Locale.ROOT, "LinDist3Flow PV on phase a: largest rise over no load %.4f pu; largest phase spread"
        + " at a PV home %.4f pu (power flow), %.4f pu (LinDist3Flow)%n", largestRise, largestSpread, largestSpreadLinear);
  }
}
