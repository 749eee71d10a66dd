package org.peergrid.market.dispatch;

import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * What every bus draws in one interval, by the network's internal index (MODEL.md §2): the one
 * place where bus loads are put together, so that the LP's constants, the DSO's accounts and the
 * AC check of a schedule see the same loads.
 *
 * <p>Active: background P × the interval's multiplier plus every participant's net withdrawal
 * (load + shifted + charge − discharge − (PV + wind − curtailed) − DG output). Reactive: background
 * Q × the multiplier plus each building's L·tan(acos pf); PV, wind, batteries, shiftable load and
 * DGs run at unity power factor, so the reactive load does not depend on the schedule.
 */
public final class BusLoads {
  private BusLoads() {}

  /** Background active load in interval t [kW], net of the case's fixed generation. */
  public static double[] backgroundKw(NetworkSettings net, int t) {
    return scaled(net.radial().loadKw(), net.backgroundMultiplier(t));
  }

  /** Background reactive load in interval t [kvar]. */
  public static double[] backgroundKvar(NetworkSettings net, int t) {
    return scaled(net.radial().loadKvar(), net.backgroundMultiplier(t));
  }

  /** The fixed reactive load of interval t [kvar]: background plus the buildings' load Q. */
  public static double[] reactiveKvar(Scenario s, int t) {
    double[] q = backgroundKvar(s.network(), t);
    RadialNetwork radial = s.network().radial();
    for (Building b : s.buildings()) {
      q[radial.indexOf(b.bus())] += b.loadKvar(t);
    }
    return q;
  }

  /**
   * The net active load of interval t under a schedule [kW] (negative where the bus injects):
   * background plus the participants' net withdrawals as their schedules state them.
   */
  public static double[] activeKw(Scenario s, DispatchSolution solution, int t) {
    double[] p = backgroundKw(s.network(), t);
    RadialNetwork radial = s.network().radial();
    for (Participant participant : s.participants()) {
      p[radial.indexOf(participant.bus())] -= solution.schedule(participant.id()).netInjectionKw(t);
    }
    return p;
  }

  private static double[] scaled(double[] values, double multiplier) {
    for (int k = 0; k < values.length; k++) {
      values[k] *= multiplier;
    }
    return values;
  }
}
