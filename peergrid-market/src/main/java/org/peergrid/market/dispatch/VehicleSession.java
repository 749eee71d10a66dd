package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.function.DoubleUnaryOperator;
import org.peergrid.market.scenario.ElectricVehicle;

/**
 * An EV's charging session as LP columns and rows (MODEL.md §2, docs/nuc-ev.md): charge (and V2G
 * discharge) only while plugged in, e_t = e_prev + η c Δt − d Δt / η along the session in its cyclic
 * order starting from the arrival energy, and at least the departure energy at the end of the
 * session's last interval. Away from the charger c = d = e = 0, so a schedule shows an empty battery
 * for a car that is not there. One class for both LPs that clear EVs, the balanced LinDistFlow LP
 * (powers in p.u.) and the three-phase day clearing (powers in kW): each puts the charge and
 * discharge columns into its own balance rows and objective.
 */
public final class VehicleSession {
  /** The car the rows were built for: its session and efficiency are in the matrix. */
  private final ElectricVehicle ev;
  private final int intervals;
  /** Charging power per interval (withdrawn from the feeder). */
  public final MPVariable[] charge;
  /** V2G discharge per interval (injected into the feeder); bounded at 0 without {@code v2g_kw}. */
  public final MPVariable[] discharge;
  /** Energy in the battery at the end of each interval. */
  public final MPVariable[] energy;
  /** The energy balance rows by interval; null outside the session. */
  public final MPConstraint[] soc;

  /**
   * Adds the columns (bounded at 0 until {@link #setBounds}) and the energy rows of the session, with
   * their coefficients at an interval of {@code hours}.
   */
  public VehicleSession(MPSolver solver, ElectricVehicle ev, int intervals, double hours) {
    this.ev = ev;
    this.intervals = intervals;
    charge = new MPVariable[intervals];
    discharge = new MPVariable[intervals];
    energy = new MPVariable[intervals];
    soc = new MPConstraint[intervals];
    for (int t = 0; t < intervals; t++) {
      charge[t] = solver.makeNumVar(0, 0, ev.id() + "_c_" + t);
      discharge[t] = solver.makeNumVar(0, 0, ev.id() + "_d_" + t);
      energy[t] = solver.makeNumVar(0, 0, ev.id() + "_e_" + t);
    }
    int length = ev.sessionLength(intervals);
    for (int k = 0; k < length; k++) {
      int t = ev.sessionInterval(k, intervals);
      MPConstraint row = solver.makeConstraint(0, 0, ev.id() + "_soc_" + t);
      soc[t] = row;
      row.setCoefficient(energy[t], 1);
      if (k > 0) {
        row.setCoefficient(energy[ev.sessionInterval(k - 1, intervals)], -1);
      }
      row.setCoefficient(charge[t], -ev.efficiency() * hours);
      row.setCoefficient(discharge[t], hours / ev.efficiency());
    }
  }

  /**
   * The charger and V2G limits while plugged in (0 away), the capacity, the arrival energy and the
   * departure energy of {@code ev}: the session's car or one with the same session and efficiency (the
   * balanced LP puts another day's numbers into the same rows); {@code fromKw} turns kW (and kWh) into
   * the LP's unit (p.u. or kW itself).
   */
  public void setBounds(ElectricVehicle ev, DoubleUnaryOperator fromKw) {
    if (ev.arrival() != this.ev.arrival() || ev.departure() != this.ev.departure()
        || ev.efficiency() != this.ev.efficiency()) {
      throw new IllegalArgumentException(ev.id() + ": another session than the LP's rows were built for");
    }
    for (int t = 0; t < intervals; t++) {
      boolean in = ev.pluggedIn(t, intervals);
      charge[t].setBounds(0, in ? fromKw.applyAsDouble(ev.chargeKw()) : 0);
      discharge[t].setBounds(0, in ? fromKw.applyAsDouble(ev.v2gKw()) : 0);
      energy[t].setBounds(0, in ? fromKw.applyAsDouble(ev.capacityKwh()) : 0);
    }
    double arrival = fromKw.applyAsDouble(ev.arrivalEnergyKwh());
    soc[ev.sessionInterval(0, intervals)].setBounds(arrival, arrival);
    energy[ev.sessionInterval(ev.sessionLength(intervals) - 1, intervals)]
        .setLb(fromKw.applyAsDouble(ev.departureEnergyKwh()));
  }
}
