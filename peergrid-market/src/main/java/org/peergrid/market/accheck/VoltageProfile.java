package org.peergrid.market.accheck;

import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Scenario;

/**
 * Every bus's AC voltage in one interval of a schedule, for plots. {@link AcCheck} keeps only the
 * extremes of each interval (a day of a large feeder would otherwise hold T × N voltages that few
 * readers need); this solves the one interval again with the same loads and root voltage.
 */
public final class VoltageProfile {
  private VoltageProfile() {}

  /** |V| [p.u.] by the network's internal bus index (0 = root); throws when the power flow fails. */
  public static double[] of(Scenario scenario, DispatchSolution solution, int interval) {
    var net = scenario.network();
    PowerFlowResult pf = new SweepPowerFlow(net.radial(), PowerFlowParameters.DEFAULT, net.rootVoltagePu())
        .solve(BusLoads.activeKw(scenario, solution, interval), BusLoads.reactiveKvar(scenario, interval));
    if (!pf.converged()) {
      throw new IllegalStateException("the AC power flow of interval " + interval + " did not converge");
    }
    double[] v = new double[pf.busCount()];
    for (int k = 0; k < v.length; k++) {
      v[k] = pf.voltageMagnitudePu(k);
    }
    return v;
  }
}
