package org.peergrid.market.threephase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.LinDist3Flow.Injection;
import org.peergrid.grid.threephase.LinDist3Flow.Port;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;

/**
 * Rooftop PV on phase a of the European LV feeder (906 buses, its 55 loads as fixed injections):
 * ten homes on phase a offer up to {@value #PV_KW} kW each at no cost; the unbalance limit decides
 * how much of it the feeder takes, and prices it.
 */
class ThreePhaseClearingEuropeanLvTest {
  private static final double PV_KW = 10;

  @Test
  void unbalanceLimitCurtailsPvOnOnePhaseAndPricesIt() {
    Path master = Path.of(System.getProperty("peergrid.root.dir"), "examples", "feeders", "opendss", "european_lv",
        "Master.dss");
    PhaseNetwork net = DssNetworkBuilder.build(DssScriptReader.read(master));
    LinDist3Flow model = new LinDist3Flow(new ThreePhasePowerFlow(net, ThreePhaseParameters.defaults()));
    List<Injection> loads = model.feederInjections();
    List<PhaseOffer> offers = new ArrayList<>();
    List<Port> ports = new ArrayList<>();
    for (Injection load : loads) {
      Port port = load.port();
      if (offers.size() < 10 && port.minus() < 0 && net.nodeNumbers()[port.plus()] == 1) {
        String bus = net.busNames()[net.busOf(port.plus())];
        offers.add(new PhaseOffer("pv at " + bus, List.of(port), 0, PV_KW, 0));
        ports.add(port);
        int b = net.busOf(port.plus());
        ports.add(new Port(net.node(b, 2), -1));
      }
    }
    assertThat(offers).hasSize(10);
    ThreePhaseClearing.Limits limits = new ThreePhaseClearing.Limits(0.94, 1.10, 0.02);
    ThreePhaseClearingResult base = DlmpFiniteDifferences.assertMatch(model, loads, offers, 0.20, 0.05, limits,
        List.of(ports.get(0), ports.get(1), ports.get(4), ports.get(5)), 0.01, 1e-6);
    double pv = 0;
    for (double x : base.dispatchKw()) {
      pv += x;
    }
    System.out.printf(Locale.ROOT, "european_lv clearing: PV taken %.2f of %.0f kW on phase a%n", pv, 10 * PV_KW);
    assertThat(pv).isLessThan(10 * PV_KW - 1);
    // phase a at the PV homes prices below the energy price through the unbalance part (the curtailed
    // unit's at its own cost, 0), phase b above it
    double lowest = Double.POSITIVE_INFINITY;
    for (PhasePrice p : base.prices()) {
      if (net.nodeNumbers()[p.port().plus()] == 1) {
        lowest = Math.min(lowest, p.dlmp());
      }
    }
    assertThat(lowest).isLessThan(0.20);

    // the AC check: the power flow's largest phase voltage unbalance rate against the 2 % the LP held
    ThreePhaseAcCheck.Report ac = ThreePhaseAcCheck.check(model, loads, offers, base);
    assertThat(ac.result().converged()).isTrue();
    double pvur = 0;
    for (int b = 1; b < net.busCount(); b++) {
      int[] abc = {net.node(b, 1), net.node(b, 2), net.node(b, 3)};
      if (abc[0] < 0 || abc[1] < 0 || abc[2] < 0) {
        continue;
      }
      double mean = (ac.result().vmPu(abc[0]) + ac.result().vmPu(abc[1]) + ac.result().vmPu(abc[2])) / 3;
      for (int k : abc) {
        pvur = Math.max(pvur, Math.abs(ac.result().vmPu(k) - mean) / mean);
      }
    }
    System.out.printf(Locale.ROOT, "european_lv AC check: largest PVUR %.4f %% (LP limit 2 %%), largest |V| difference"
        + " %.2e pu%n", 100 * pvur, ac.largestDifferencePu());
    // the proxy is PVUR ≤ u up to O(u²) = 4e-4 (and the model error of ~1e-4 p.u.): the power flow is at the limit
    assertThat(pvur).isBetween(0.0195, 0.0205);
  }
}
