package org.peergrid.market.vc;

import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcViolation;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.nuc.ElectricalDistance;
import org.peergrid.market.scenario.Scenario;

/**
 * How the DSO raises its network charges after an equilibrium fails the AC check, as the p2p-nuc
 * loop raises its surcharges (docs/nuc-ev.md): a step of {@link #STEP} times the import tariff per
 * violated cell, shared by LinDistFlow sensitivity. Under a voltage below V^min at bus k, every
 * participant i's charge rises by the step times R_0a(i,k)/R_0k (the part of k's root path that i
 * shares: how much i's withdrawal lowers k's voltage, relative to k's own); above V^max it falls
 * likewise. Over an overloaded branch into k, the charge of every participant below k rises when the
 * branch carries power down (a load problem) and falls when it carries power up (an export problem).
 * A projected subgradient step on the limits' prices, without the projection: charges only grow
 * where the AC check failed, so they stop once it passes.
 */
final class NetworkChargeRule {
  /** The step, as a share of the interval's import tariff. */
  static final double STEP = GameFeeder.CHARGE_STEP;

  private final Scenario day;
  private final RadialNetwork radial;
  private final ElectricalDistance distance;
  private final int[] bus;

  NetworkChargeRule(Scenario day) {
    this.day = day;
    this.radial = day.network().radial();
    this.distance = new ElectricalDistance(radial);
    this.bus = day.participants().stream().mapToInt(p -> radial.indexOf(p.bus())).toArray();
  }

  /** The charges raised behind every violation; a new array. */
  double[][] raised(double[][] charges, java.util.List<AcViolation> violations, DispatchSolution schedule) {
    double[][] next = new double[charges.length][];
    for (int i = 0; i < charges.length; i++) {
      next[i] = charges[i].clone();
    }
    for (AcViolation v : violations) {
      int t = v.interval();
      double step = STEP * Math.abs(day.tariff().importPrice().get(t));
      if (v.kind() == AcViolation.Kind.BRANCH_OVERLOAD) {
        int k = radial.indexOf(Integer.parseInt(v.element().split("-")[1]));
        double sign = schedule.network().flowKw().get(t, k) >= 0 ? 1 : -1;
        for (int i = 0; i < bus.length; i++) {
          if (distance.shared(bus[i], k) == distance.shared(k, k)) {
            next[i][t] += sign * step;
          }
        }
        continue;
      }
      int k = radial.indexOf(Integer.parseInt(v.element().substring("bus ".length())));
      double sign = v.kind() == AcViolation.Kind.OVER_VOLTAGE ? -1 : 1;
      double own = distance.shared(k, k);
      for (int i = 0; i < bus.length; i++) {
        next[i][t] += sign * step * distance.shared(bus[i], k) / own;
      }
    }
    return next;
  }
}
