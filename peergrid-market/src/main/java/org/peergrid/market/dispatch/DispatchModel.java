package org.peergrid.market.dispatch;

import java.util.List;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.scenario.NetworkSettings;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The scenario translated once into the arrays that the LP is built from. All powers here are per
 * unit of {@link #baseKva()} and energies per-unit hours: this is the one place where kW become
 * p.u. ({@link #pu(double)}) and the LP results become kW again ({@link #kw(double)}).
 *
 * <p>Buses are the network's internal indices (parents before children, root 0); the branch into
 * bus k has resistance {@code r[k]} and reactance {@code x[k]}. A copper-plate model
 * ({@link #copperPlate}) has a single bus and no branches: the base case of MODEL.md §3.
 */
final class DispatchModel {
  final int buses;
  final int intervals;
  final double hours;
  final double baseKva;
  final int[] parent;
  final double[] r;
  final double[] x;
  /** |P| bound of the branch into k [p.u.], +∞ where unlimited; filled per interval from the fixed Q flow. */
  final double[] limitPu;
  final double rootVoltageSquared;
  final double vminSquared;
  final double vmaxSquared;
  final double[] importPrice;
  final double[] exportPrice;
  /** Background P at every bus [t][k], p.u. */
  final double[][] backgroundP;
  /** The fixed reactive load at every bus [t][k] (background and buildings), p.u. */
  final double[][] reactiveLoad;
  final List<Participant> participants;
  final int[] participantBus;
  final int[] busNumber;
  /**
   * A fixed import at the root per interval [p.u.]: 0 for a day-ahead schedule; the day-ahead
   * position when real time re-dispatches, so that g⁺ − g⁻ is the deviation from it.
   */
  final double[] rootPosition;
  /**
   * A price on each participant's net injection [i][t] in money per kWh, zeros unless network
   * utilization charges are cleared (docs/nuc-ev.md): positive where the participant pays for
   * what it sells over the wires, negative where it pays for what it buys.
   */
  final double[][] injectionCharge;
  /** Least energy of each participant's battery at the end of the horizon [p.u.·h]; NaN: its SOC_0·E^max. */
  final double[] endEnergy;
  /** Per interval and bus, how much tighter than the scenario's limits the LP holds the network. */
  private LimitTightening tightening;

  private DispatchModel(Scenario s, int buses, List<Participant> participants, int[] participantBus,
      RadialNetwork radial, boolean withNetwork) {
    NetworkSettings net = s.network();
    this.buses = buses;
    this.intervals = s.horizon().intervals();
    this.hours = s.horizon().hours();
    this.baseKva = radial.baseKva();
    this.participants = List.copyOf(participants);
    this.participantBus = participantBus;
    parent = new int[buses];
    r = new double[buses];
    x = new double[buses];
    limitPu = new double[buses];
    busNumber = new int[buses];
    rootPosition = new double[intervals];
    endEnergy = new double[participants.size()];
    injectionCharge = new double[participants.size()][intervals];
    java.util.Arrays.fill(endEnergy, Double.NaN);
    backgroundP = new double[intervals][buses];
    reactiveLoad = new double[intervals][buses];
    tightening = LimitTightening.none(intervals, buses);
    rootVoltageSquared = sq(net.rootVoltagePu());
    vminSquared = sq(net.vminPu());
    vmaxSquared = sq(net.vmaxPu());
    importPrice = s.tariff().importPrice().values();
    exportPrice = s.tariff().exportPrice().values();
    parent[0] = -1;
    busNumber[0] = radial.busNumber(0);
    if (!withNetwork) {
      return;
    }
    for (int k = 1; k < buses; k++) {
      parent[k] = radial.parent(k);
      r[k] = radial.seriesR(k);
      x[k] = radial.seriesX(k);
      busNumber[k] = radial.busNumber(k);
      limitPu[k] = net.limitKvaInto(k).isPresent() ? pu(net.limitKvaInto(k).getAsDouble()) : Double.POSITIVE_INFINITY;
    }
    for (int t = 0; t < intervals; t++) {
      double[] p = BusLoads.backgroundKw(net, t);
      double[] q = BusLoads.reactiveKvar(s, t);
      for (int k = 0; k < buses; k++) {
        backgroundP[t][k] = pu(p[k]);
        reactiveLoad[t][k] = pu(q[k]);
      }
    }
  }

  /** The whole community on the feeder (MODEL.md §2). */
  static DispatchModel of(Scenario s) {
    RadialNetwork radial = s.network().radial();
    int[] at = s.participants().stream().mapToInt(p -> radial.indexOf(p.bus())).toArray();
    return new DispatchModel(s, radial.busCount(), s.participants(), at, radial, true);
  }

  /**
   * The rest of a day in real time: {@code rest} holds its intervals (actual values first), the
   * real-time tariff and the batteries' actual energy as their initial SOC; {@code terms} adds the
   * day-ahead position at the root and the batteries' end-of-day targets.
   */
  static DispatchModel restOfDay(Scenario rest, RestOfDay terms) {
    DispatchModel m = of(rest);
    for (int t = 0; t < m.intervals; t++) {
      m.rootPosition[t] = m.pu(terms.rootPositionKw().get(t));
    }
    for (int i = 0; i < m.participants.size(); i++) {
      Double target = terms.endEnergyKwh().get(m.participants.get(i).id());
      if (target != null) {
        m.endEnergy[i] = m.pu(target);
      }
    }
    return m;
  }

  /**
   * The whole day for real time: priced at the real-time tariff, with the day-ahead position fixed
   * at the root so that g⁺ − g⁻ is the deviation from it.
   */
  static DispatchModel realTime(Scenario s, double[] rootPositionKw) {
    DispatchModel m = of(s);
    for (int t = 0; t < m.intervals; t++) {
      m.importPrice[t] = s.realtimeTariff().importPrice().get(t);
      m.exportPrice[t] = s.realtimeTariff().exportPrice().get(t);
      m.rootPosition[t] = m.pu(rootPositionKw[t]);
    }
    return m;
  }

  /** The whole community with a price on every participant's net injection [i][t] (money/kWh). */
  static DispatchModel withInjectionCharges(Scenario s, double[][] chargePerKwh) {
    DispatchModel m = of(s);
    for (int i = 0; i < m.participants.size(); i++) {
      System.arraycopy(chargePerKwh[i], 0, m.injectionCharge[i], 0, m.intervals);
    }
    return m;
  }

  /** One participant alone at the tariffs, without a network (MODEL.md §3). */
  static DispatchModel copperPlate(Scenario s, Participant participant) {
    return new DispatchModel(s, 1, List.of(participant), new int[] {0}, s.network().radial(), false);
  }

  /**
   * The feeder of {@code s} with its background and the buildings' fixed reactive load, but with no
   * participant variables: the network part of a decomposition, whose participants arrive as columns.
   */
  static DispatchModel networkOnly(Scenario s) {
    return new DispatchModel(of(s));
  }

  /** A copy without participants; arrays are shared, which is safe because nothing writes them after construction. */
  private DispatchModel(DispatchModel m) {
    buses = m.buses;
    intervals = m.intervals;
    hours = m.hours;
    baseKva = m.baseKva;
    parent = m.parent;
    r = m.r;
    x = m.x;
    limitPu = m.limitPu;
    rootVoltageSquared = m.rootVoltageSquared;
    vminSquared = m.vminSquared;
    vmaxSquared = m.vmaxSquared;
    importPrice = m.importPrice;
    exportPrice = m.exportPrice;
    backgroundP = m.backgroundP;
    reactiveLoad = m.reactiveLoad;
    participants = List.of();
    participantBus = new int[0];
    busNumber = m.busNumber;
    rootPosition = m.rootPosition;
    endEnergy = new double[0];
    injectionCharge = new double[0][];
    tightening = m.tightening;
  }

  /** This model with its limits tightened (AC correction); returns this. */
  DispatchModel tightenedBy(LimitTightening t) {
    if (!t.fits(intervals, buses)) {
      throw new IllegalArgumentException("the tightening is not of a " + intervals + " x " + buses + " day");
    }
    tightening = t.copy();
    return this;
  }

  /** V^min² of bus k in interval t, raised where the AC correction says so [p.u.²]. */
  double vminSquared(int t, int k) {
    return vminSquared + tightening.vminSquaredRaise(t, k);
  }

  /** V^max² of bus k in interval t, lowered where the AC correction says so [p.u.²]. */
  double vmaxSquared(int t, int k) {
    return vmaxSquared - tightening.vmaxSquaredCut(t, k);
  }

  /** S^max of the branch into k in interval t [p.u.], lowered where the AC correction says so; +∞ without one. */
  double limitPu(int t, int k) {
    return limitPu[k] - pu(tightening.limitCutKva(t, k));
  }

  double pu(double kw) {
    return kw / baseKva;
  }

  double kw(double pu) {
    return pu * baseKva;
  }

  /**
   * The reactive flow into every bus [t][k] (p.u.): fixed, because every reactive injection is
   * (MODEL.md §2), and LinDistFlow flows are lossless sums over the subtree.
   */
  double[][] reactiveFlows() {
    double[][] q = new double[intervals][buses];
    for (int t = 0; t < intervals; t++) {
      q[t] = reactiveLoad[t].clone();
      for (int k = buses - 1; k >= 1; k--) {
        q[t][parent[k]] += q[t][k];
      }
    }
    return q;
  }

  private static double sq(double v) {
    return v * v;
  }
}
