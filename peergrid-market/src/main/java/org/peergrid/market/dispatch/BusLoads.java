package org.peergrid.market.dispatch;

import java.util.List;
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

  /**
   * Every interval's net active and reactive bus loads under a schedule, put together in one pass
   * for a check of the whole day: each participant's bus index and each building's tan φ are found
   * once, and the schedules are taken by position (a solution keeps scenario order) instead of being
   * searched by id for every participant and interval, which made the AC check of 1,000 buildings
   * quadratic. The sums are those of {@link #activeKw} and {@link #reactiveKvar}, in the same order.
   */
  public static Day day(Scenario s, DispatchSolution solution) {
    NetworkSettings net = s.network();
    RadialNetwork radial = net.radial();
    int intervals = s.horizon().intervals();
    double[] baseKw = radial.loadKw();
    double[] baseKvar = radial.loadKvar();
    List<Participant> participants = s.participants();
    int[] bus = new int[participants.size()];
    ParticipantSchedule[] schedules = new ParticipantSchedule[participants.size()];
    for (int i = 0; i < bus.length; i++) {
      Participant p = participants.get(i);
      bus[i] = radial.indexOf(p.bus());
      ParticipantSchedule atPosition = i < solution.schedules().size() ? solution.schedules().get(i) : null;
      schedules[i] = atPosition != null && atPosition.id().equals(p.id()) ? atPosition : solution.schedule(p.id());
    }
    double[][] active = new double[intervals][];
    double[][] reactive = new double[intervals][];
    for (int t = 0; t < intervals; t++) {
      active[t] = scaled(baseKw.clone(), net.backgroundMultiplier(t));
      reactive[t] = scaled(baseKvar.clone(), net.backgroundMultiplier(t));
    }
    for (int i = 0; i < bus.length; i++) {
      for (int t = 0; t < intervals; t++) {
        active[t][bus[i]] -= schedules[i].netInjectionKw(t);
      }
      if (participants.get(i) instanceof Building b) {
        // Building.loadKvar's L·tan(acos pf), with tan(acos pf) taken once rather than per interval
        double tanPhi = Math.tan(Math.acos(b.powerFactor()));
        for (int t = 0; t < intervals; t++) {
          reactive[t][bus[i]] += b.loadKw().get(t) * tanPhi;
        }
      }
    }
    return new Day(active, reactive);
  }

  /**
   * The bus loads of every interval, by interval and then internal bus index.
   *
   * @param activeKw net active load [kW], as {@link #activeKw}
   * @param reactiveKvar reactive load [kvar], as {@link #reactiveKvar}
   */
  public record Day(double[][] activeKw, double[][] reactiveKvar) {}

  private static double[] scaled(double[] values, double multiplier) {
    for (int k = 0; k < values.length; k++) {
      values[k] *= multiplier;
    }
    return values;
  }
}
