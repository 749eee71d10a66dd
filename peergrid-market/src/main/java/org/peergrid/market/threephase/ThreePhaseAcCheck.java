package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.grid.threephase.ThreePhaseResult;

/**
 * The AC check of a three-phase clearing: the three-phase power flow with the fixed injections and
 * the cleared dispatch as constant powers (taps held where LinDist3Flow was built), node by node
 * against what the LP's linear model predicted, with the linearisation's a-posteriori error bound.
 */
public final class ThreePhaseAcCheck {
  private ThreePhaseAcCheck() {}

  /**
   * @param result the power flow's solution
   * @param linearPu2 LinDist3Flow's squared voltage of every node for the dispatch (the LP's)
   * @param boundPu2 the bound on their difference ({@link LinDist3Flow#errorBoundPu2})
   * @param lowestNode the phase node (global; numbers 1-3) with the lowest magnitude outside the source bus
   * @param highestNode the highest
   */
  public record Report(ThreePhaseResult result, double[] linearPu2, double[] boundPu2, int lowestNode,
      int highestNode) {
    /** The largest difference between the power flow's magnitude and the LP's, p.u. */
    public double largestDifferencePu() {
      double largest = 0;
      for (int k = 0; k < linearPu2.length; k++) {
        largest = Math.max(largest, Math.abs(result.vmPu(k) - Math.sqrt(linearPu2[k])));
      }
      return largest;
    }
  }

  /**
   * The three-phase power flow with these injections as the feeder's only loads and generators, at
   * constant P and Q, with controls off: the taps stay where the linear model was built.
   */
  public static ThreePhaseResult powerFlow(LinDist3Flow model, List<LinDist3Flow.Injection> all) {
    return new ThreePhasePowerFlow(model.networkWith(all), new ThreePhaseParameters(1e-10, 200, false, 1)).solve();
  }

  /** Runs the power flow on the cleared dispatch. */
  public static Report check(LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
      ThreePhaseClearingResult cleared) {
    if (cleared.status() != ThreePhaseClearingResult.Status.OPTIMAL) {
      throw new IllegalArgumentException("no dispatch to check: the clearing ended " + cleared.status());
    }
    List<LinDist3Flow.Injection> all = new ArrayList<>(fixed);
    for (int o = 0; o < offers.size(); o++) {
      PhaseOffer offer = offers.get(o);
      double perPort = cleared.dispatchKw()[o] / offer.ports().size();
      for (LinDist3Flow.Port port : offer.ports()) {
        all.add(new LinDist3Flow.Injection(port, perPort, perPort * offer.reactivePerActive()));
      }
    }
    return check(model, all);
  }

  /** Runs the power flow with every injection of an interval (kW, kvar; loads negative) as constant powers. */
  public static Report check(LinDist3Flow model, List<LinDist3Flow.Injection> all) {
    PhaseNetwork net = model.network();
    ThreePhaseResult r = powerFlow(model, all);
    int n = net.nodeCount();
    double[] vr = new double[n];
    double[] vi = new double[n];
    int lowest = -1;
    int highest = -1;
    for (int k = 0; k < n; k++) {
      vr[k] = r.voltageRe(k);
      vi[k] = r.voltageIm(k);
      if (k >= net.firstNode()[1] && net.nodeNumbers()[k] <= 3) {
        if (lowest < 0 || r.vmPu(k) < r.vmPu(lowest)) {
          lowest = k;
        }
        if (highest < 0 || r.vmPu(k) > r.vmPu(highest)) {
          highest = k;
        }
      }
    }
    return new Report(r, model.voltagesPu2(all), model.errorBoundPu2(all, vr, vi), lowest, highest);
  }
}
