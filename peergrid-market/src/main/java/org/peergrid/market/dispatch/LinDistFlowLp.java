package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;

/**
 * The multi-period LinDistFlow LP of MODEL.md §2, built once for all intervals from a
 * {@link DispatchModel}. Powers are p.u., energies p.u.·h, and the objective is money divided by
 * the base power, so that the duals of the balance rows come out in money per kW of load during
 * the interval and the coefficients stay near 1 (which GLOP's scaling likes).
 *
 * <p>Reactive flows are fixed on a tree with fixed reactive injections, so they enter as constants
 * (in the voltage drop and in the thermal bound |P| ≤ √(S²−Q²)) rather than as variables; v_0 is
 * the constant V_0². Voltage and thermal limits are variable bounds, and their duals are the
 * reduced costs of v and P.
 *
 * <p>Formulation: Baran and Wu, "Network reconfiguration in distribution systems for loss reduction
 * and load balancing", IEEE Trans. Power Delivery 4(2), 1989, doi:10.1109/61.25627.
 */
final class LinDistFlowLp {
  final DispatchModel m;
  final MPSolver solver;
  final MPVariable[] gridImport;
  final MPVariable[] gridExport;
  /** flow[t][k]: active flow into bus k from its parent (k ≥ 1). */
  final MPVariable[][] flow;
  /** voltage[t][k]: squared voltage v (k ≥ 1). */
  final MPVariable[][] voltage;
  final MPConstraint[][] balance;
  /** drop[t][k]: the voltage-drop row of bus k (k ≥ 1), whose constant holds the fixed Q flow. */
  final MPConstraint[][] drop;
  final Unit[] units;

  /** The variables of one participant (arrays of length T, or null where it has no such part). */
  static final class Unit {
    MPVariable[] charge;
    MPVariable[] discharge;
    MPVariable[] energy;
    MPVariable[] shifted;
    MPVariable[] curtailed;
    MPVariable[] output;
  }

  /**
   * @param reactiveFlow the fixed Q flow into every bus [t][k], p.u.
   * @param voltageLimits false to drop V^min/V^max (for diagnosing infeasibility)
   * @param thermalLimits false to drop the thermal limits (likewise)
   */
  LinDistFlowLp(DispatchModel m, MPSolver solver, double[][] reactiveFlow, boolean voltageLimits,
      boolean thermalLimits) {
    this.m = m;
    this.solver = solver;
    int n = m.buses;
    int nt = m.intervals;
    gridImport = new MPVariable[nt];
    gridExport = new MPVariable[nt];
    flow = new MPVariable[nt][n];
    voltage = new MPVariable[nt][n];
    balance = new MPConstraint[nt][n];
    drop = new MPConstraint[nt][n];
    units = new Unit[m.participants.size()];
    MPObjective objective = solver.objective();
    objective.setMinimization();
    for (int t = 0; t < nt; t++) {
      addNetwork(t, reactiveFlow[t], voltageLimits, thermalLimits);
      gridImport[t] = solver.makeNumVar(0, MPSolver.infinity(), "gimp_" + t);
      gridExport[t] = solver.makeNumVar(0, MPSolver.infinity(), "gexp_" + t);
      balance[t][0].setCoefficient(gridImport[t], 1);
      balance[t][0].setCoefficient(gridExport[t], -1);
      objective.setCoefficient(gridImport[t], m.hours * m.importPrice[t]);
      objective.setCoefficient(gridExport[t], -m.hours * m.exportPrice[t]);
    }
    for (int i = 0; i < units.length; i++) {
      units[i] = addParticipant(i, objective);
      addInjectionCharge(i, objective);
    }
  }

  /**
   * Prices participant i's net injection at m.injectionCharge: every variable that injects (+1 in
   * its bus balance) or withdraws (−1) pays the charge with that sign; the fixed load and
   * renewables are constants and drop out of the optimum.
   */
  private void addInjectionCharge(int i, MPObjective objective) {
    Unit u = units[i];
    double[] charge = m.injectionCharge[i];
    MPVariable[][] injecting = {u.discharge, u.output};
    MPVariable[][] withdrawing = {u.charge, u.shifted, u.curtailed};
    for (int t = 0; t < m.intervals; t++) {
      if (charge[t] == 0) {
        continue;
      }
      for (MPVariable[] vars : injecting) {
        if (vars != null) {
          objective.setCoefficient(vars[t], objective.getCoefficient(vars[t]) + m.hours * charge[t]);
        }
      }
      for (MPVariable[] vars : withdrawing) {
        if (vars != null) {
          objective.setCoefficient(vars[t], objective.getCoefficient(vars[t]) - m.hours * charge[t]);
        }
      }
    }
  }

  /** Balance rows (their constants: fixed net load), flows, and the voltage drop of interval t. */
  private void addNetwork(int t, double[] q, boolean voltageLimits, boolean thermalLimits) {
    int n = m.buses;
    double[] fixedLoad = fixedNetLoad(m, t);
    for (int k = 0; k < n; k++) {
      balance[t][k] = solver.makeConstraint(fixedLoad[k], fixedLoad[k], "bal_" + t + "_" + k);
    }
    for (int k = 1; k < n; k++) {
      double bound = thermalLimits ? flowBound(m, t, k, q[k]) : MPSolver.infinity();
      flow[t][k] = solver.makeNumVar(-bound, bound, "p_" + t + "_" + k);
      balance[t][k].setCoefficient(flow[t][k], 1);
      balance[t][m.parent[k]].setCoefficient(flow[t][k], -1);
      voltage[t][k] = voltageLimits ? solver.makeNumVar(m.vminSquared(t, k), m.vmaxSquared(t, k), "v_" + t + "_" + k)
          : solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "v_" + t + "_" + k);
    }
    for (int k = 1; k < n; k++) {
      // v_k = v_parent − 2 (r P + x Q), with v_0 = V_0² a constant.
      int p = m.parent[k];
      double rhs = dropConstant(m, k, q[k]);
      MPConstraint drop = solver.makeConstraint(rhs, rhs, "vd_" + t + "_" + k);
      this.drop[t][k] = drop;
      drop.setCoefficient(voltage[t][k], 1);
      if (p != 0) {
        drop.setCoefficient(voltage[t][p], -1);
      }
      drop.setCoefficient(flow[t][k], 2 * m.r[k]);
    }
  }

  /** |P| ≤ √(S² − Q²) on the branch into k in interval t, given its fixed Q flow [p.u.]; +∞ without a limit. */
  static double flowBound(DispatchModel m, int t, int k, double q) {
    double s = m.limitPu(t, k);
    return Double.isFinite(s) ? Math.sqrt(Math.max(0, s * s - q * q)) : MPSolver.infinity();
  }

  /** The constant of the voltage drop into k: −2 x Q (+ V_0² where the parent is the root). */
  static double dropConstant(DispatchModel m, int k, double q) {
    return -2 * m.x[k] * q + (m.parent[k] == 0 ? m.rootVoltageSquared : 0);
  }

  /**
   * Load that no decision changes, net of the renewables, per bus [p.u.]; at the root less the
   * fixed position there.
   */
  static double[] fixedNetLoad(DispatchModel m, int t) {
    double[] load = m.backgroundP[t].clone();
    load[0] -= m.rootPosition[t];
    for (int i = 0; i < m.participants.size(); i++) {
      if (m.participants.get(i) instanceof Building b) {
        load[m.participantBus[i]] += m.pu(b.loadKw().get(t) - b.renewableKw(t));
      }
    }
    return load;
  }

  private Unit addParticipant(int index, MPObjective objective) {
    Participant p = m.participants.get(index);
    int bus = m.participantBus[index];
    double endEnergy = m.endEnergy[index];
    Unit u = new Unit();
    if (p instanceof Building b) {
        u.curtailed = new MPVariable[m.intervals];
        for (int t = 0; t < m.intervals; t++) {
          u.curtailed[t] = solver.makeNumVar(0, m.pu(b.renewableKw(t)), b.id() + "_k_" + t);
          balance[t][bus].setCoefficient(u.curtailed[t], -1);
        }
        b.battery().ifPresent(spec -> addBattery(u, b.id(), spec, bus, endEnergy, objective));
        b.shiftable().ifPresent(s -> {
          u.shifted = new MPVariable[m.intervals];
          MPConstraint energy = solver.makeConstraint(m.pu(s.energyKwh()), m.pu(s.energyKwh()), b.id() + "_shift");
          for (int t = 0; t < m.intervals; t++) {
            u.shifted[t] = solver.makeNumVar(0, s.inWindow(t) ? m.pu(s.maxKw()) : 0, b.id() + "_s_" + t);
            balance[t][bus].setCoefficient(u.shifted[t], -1);
            energy.setCoefficient(u.shifted[t], m.hours);
          }
        });
    } else if (p instanceof DistributedGenerator g) {
        u.output = new MPVariable[m.intervals];
        for (int t = 0; t < m.intervals; t++) {
          u.output[t] = solver.makeNumVar(m.pu(g.minKw()), m.pu(g.maxKw()), g.id() + "_g_" + t);
          balance[t][bus].setCoefficient(u.output[t], 1);
          objective.setCoefficient(u.output[t], m.hours * g.costPerKwh());
        }
    } else if (p instanceof CommunityBattery c) {
      addBattery(u, c.id(), c.battery(), bus, endEnergy, objective);
    } else if (p instanceof ElectricVehicle ev) {
      addVehicle(u, ev, bus);
    }
    return u;
  }

  /**
   * An EV's session: charge (and V2G discharge) only while plugged in, e_t = e_prev + η c Δt − d Δt / η
   * along the session in its cyclic order starting from the arrival energy, and at least the
   * departure energy at the end of the session's last interval. Away from the charger c = d = e = 0,
   * so schedule.csv shows an empty battery for a car that is not there.
   */
  private void addVehicle(Unit u, ElectricVehicle ev, int bus) {
    int nt = m.intervals;
    u.charge = new MPVariable[nt];
    u.discharge = new MPVariable[nt];
    u.energy = new MPVariable[nt];
    for (int t = 0; t < nt; t++) {
      boolean in = ev.pluggedIn(t, nt);
      u.charge[t] = solver.makeNumVar(0, in ? m.pu(ev.chargeKw()) : 0, ev.id() + "_c_" + t);
      u.discharge[t] = solver.makeNumVar(0, in ? m.pu(ev.v2gKw()) : 0, ev.id() + "_d_" + t);
      u.energy[t] = solver.makeNumVar(0, in ? m.pu(ev.capacityKwh()) : 0, ev.id() + "_e_" + t);
      balance[t][bus].setCoefficient(u.charge[t], -1);
      balance[t][bus].setCoefficient(u.discharge[t], 1);
    }
    int length = ev.sessionLength(nt);
    for (int k = 0; k < length; k++) {
      int t = ev.sessionInterval(k, nt);
      double start = k == 0 ? m.pu(ev.arrivalEnergyKwh()) : 0;
      MPConstraint soc = solver.makeConstraint(start, start, ev.id() + "_soc_" + t);
      soc.setCoefficient(u.energy[t], 1);
      if (k > 0) {
        soc.setCoefficient(u.energy[ev.sessionInterval(k - 1, nt)], -1);
      }
      soc.setCoefficient(u.charge[t], -ev.efficiency() * m.hours);
      soc.setCoefficient(u.discharge[t], m.hours / ev.efficiency());
    }
    u.energy[ev.sessionInterval(length - 1, nt)].setLb(m.pu(ev.departureEnergyKwh()));
  }

  /**
   * Charge, discharge and energy with e_t = e_{t−1} + η^ch c Δt − d Δt / η^dis, ending at ≥ SOC_0
   * (or at ≥ {@code endEnergy} where that is a number: the day's target when the horizon is its rest).
   */
  private void addBattery(Unit u, String id, BatterySpec b, int bus, double endEnergy, MPObjective objective) {
    int nt = m.intervals;
    u.charge = new MPVariable[nt];
    u.discharge = new MPVariable[nt];
    u.energy = new MPVariable[nt];
    double emin = m.pu(b.socMin() * b.capacityKwh());
    double emax = m.pu(b.socMax() * b.capacityKwh());
    double e0 = m.pu(b.initialKwh());
    double end = Double.isNaN(endEnergy) ? e0 : endEnergy;
    for (int t = 0; t < nt; t++) {
      u.charge[t] = solver.makeNumVar(0, m.pu(b.chargeKw()), id + "_c_" + t);
      u.discharge[t] = solver.makeNumVar(0, m.pu(b.dischargeKw()), id + "_d_" + t);
      u.energy[t] = solver.makeNumVar(t == nt - 1 ? Math.max(emin, end) : emin, emax, id + "_e_" + t);
      balance[t][bus].setCoefficient(u.charge[t], -1);
      balance[t][bus].setCoefficient(u.discharge[t], 1);
      objective.setCoefficient(u.charge[t], m.hours * b.degradationCostPerKwh());
      objective.setCoefficient(u.discharge[t], m.hours * b.degradationCostPerKwh());
      double start = t == 0 ? e0 : 0;
      MPConstraint soc = solver.makeConstraint(start, start, id + "_soc_" + t);
      soc.setCoefficient(u.energy[t], 1);
      if (t > 0) {
        soc.setCoefficient(u.energy[t - 1], -1);
      }
      soc.setCoefficient(u.charge[t], -b.efficiencyCharge() * m.hours);
      soc.setCoefficient(u.discharge[t], m.hours / b.efficiencyDischarge());
    }
  }
}
