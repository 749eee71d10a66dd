package org.peergrid.market.realtime;

import java.util.List;
import java.util.Locale;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusLoads;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.dispatch.NetworkState;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * A day-ahead schedule given from outside (a previous {@code peergrid clear}'s files) made whole
 * again: checked against the scenario, and completed with what the files do not hold, the grid
 * exchange and the LinDistFlow flows and voltages, which follow from the schedule exactly (the
 * flows are lossless subtree sums of the bus loads on a tree, v_k = v_parent − 2(r P + x Q)).
 */
public final class DayAheadSchedule {
  /** A schedule read from 9-decimal files balances to this much [kW, kWh]. */
  static final double TOLERANCE = 1e-6;

  private DayAheadSchedule() {}

  /**
   * @param schedules one per participant in scenario order
   * @param prices the DLMPs the schedule was cleared at
   * @param source how messages name where the schedule came from
   * @throws ValidationException when the schedule does not belong to the scenario
   */
  public static DispatchSolution of(Scenario s, List<ParticipantSchedule> schedules, LocationalPrices prices,
      String source) {
    int n = s.horizon().intervals();
    for (int i = 0; i < schedules.size(); i++) {
      check(s, s.participants().get(i), schedules.get(i), source);
    }
    DispatchSolution partial = new DispatchSolution(Double.NaN, schedules, zeros(n), zeros(n), prices,
        new NetworkState(new BusSeries(new double[n][0]), new BusSeries(new double[n][0])), List.of());
    RadialNetwork radial = s.network().radial();
    int buses = radial.busCount();
    double[][] flow = new double[n][];
    double[][] voltage = new double[n][buses];
    double[] imports = new double[n];
    double[] exports = new double[n];
    double base = radial.baseKva();
    for (int t = 0; t < n; t++) {
      flow[t] = BusLoads.activeKw(s, partial, t);
      double[] q = BusLoads.reactiveKvar(s, t);
      for (int k = buses - 1; k >= 1; k--) {
        flow[t][radial.parent(k)] += flow[t][k];
        q[radial.parent(k)] += q[k];
      }
      imports[t] = Math.max(0, flow[t][0]);
      exports[t] = Math.max(0, -flow[t][0]);
      flow[t][0] = 0;
      double[] v = new double[buses];
      v[0] = s.network().rootVoltagePu() * s.network().rootVoltagePu();
      for (int k = 1; k < buses; k++) {
        v[k] = v[radial.parent(k)] - 2 * (radial.seriesR(k) * flow[t][k] + radial.seriesX(k) * q[k]) / base;
        voltage[t][k] = Math.sqrt(Math.max(0, v[k]));
      }
      voltage[t][0] = s.network().rootVoltagePu();
    }
    return new DispatchSolution(Double.NaN, schedules, new org.peergrid.market.scenario.TimeSeries(imports),
        new org.peergrid.market.scenario.TimeSeries(exports), prices,
        new NetworkState(new BusSeries(flow), new BusSeries(voltage)), List.of());
  }

  /** A building's net withdrawal must be its forecast load and the schedule's decisions; batteries within bounds. */
  private static void check(Scenario s, Participant p, ParticipantSchedule x, String source) {
    for (int t = 0; t < s.horizon().intervals(); t++) {
      if (p instanceof Building b) {
        double net = b.loadKw().get(t) + x.shiftedKw().get(t) + x.chargeKw().get(t) - x.dischargeKw().get(t)
            - x.generationKw().get(t);
        double scheduled = x.importKw().get(t) - x.exportKw().get(t);
        double renewable = x.generationKw().get(t) + x.curtailedKw().get(t);
        if (Math.abs(net - scheduled) > TOLERANCE * (1 + Math.abs(net))
            || Math.abs(renewable - b.renewableKw(t)) > TOLERANCE * (1 + renewable)) {
          throw new ValidationException(source, 0, String.format(Locale.ROOT, "%s in interval %d: the schedule's "
              + "import − export %.6f kW and generation + curtailed %.6f kW do not match the scenario's load %.6f kW "
              + "and PV + wind %.6f kW; was this folder cleared from another scenario?", p.id(), t, scheduled,
              renewable, b.loadKw().get(t), b.renewableKw(t)));
        }
      }
      BatterySpec battery = RemainingDay.battery(p).orElse(null);
      if (battery != null) {
        double e = x.socKwh().get(t);
        double lo = battery.socMin() * battery.capacityKwh();
        double hi = battery.socMax() * battery.capacityKwh();
        if (e < lo - TOLERANCE * (1 + lo) || e > hi + TOLERANCE * (1 + hi)) {
          throw new ValidationException(source, 0, String.format(Locale.ROOT, "%s in interval %d: soc_kwh %.6f lies "
              + "outside the scenario's battery bounds [%.6f, %.6f]; was this folder cleared from another scenario?",
              p.id(), t, e, lo, hi));
        }
      }
    }
  }

  private static org.peergrid.market.scenario.TimeSeries zeros(int n) {
    return new org.peergrid.market.scenario.TimeSeries(new double[n]);
  }
}
