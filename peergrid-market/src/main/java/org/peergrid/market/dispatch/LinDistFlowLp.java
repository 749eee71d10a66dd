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
  /** The model whose numbers the LP holds now: replaced by {@link #setNumbers}. */
  DispatchModel m;
  final MPSolver solver;
  /** What the rows, columns and matrix coefficients were built from; numbers may change, this may not. */
  final Shape shape;
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
    /** The energy balance rows of a battery or EV by interval (null outside an EV's session). */
    MPConstraint[] soc;
    /** The shiftable load's daily energy row. */
    MPConstraint shiftEnergy;
    /** An EV's session, whose columns charge, discharge, energy and rows soc are. */
    VehicleSession vehicle;
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
    this.shape = Shape.of(m);
    int n = m.buses;
    int nt = m.intervals;
    gridImport = new MPVariable[nt];
    gridExport = new MPVariable[nt];
    flow = new MPVariable[nt][n];
    voltage = new MPVariable[nt][n];
    balance = new MPConstraint[nt][n];
    drop = new MPConstraint[nt][n];
    units = new Unit[m.participants.size()];
    solver.objective().setMinimization();
    for (int t = 0; t < nt; t++) {
      addNetwork(t);
      gridImport[t] = solver.makeNumVar(0, MPSolver.infinity(), "gimp_" + t);
      gridExport[t] = solver.makeNumVar(0, MPSolver.infinity(), "gexp_" + t);
      balance[t][0].setCoefficient(gridImport[t], 1);
      balance[t][0].setCoefficient(gridExport[t], -1);
    }
    for (int i = 0; i < units.length; i++) {
      units[i] = addParticipant(i);
    }
    setNumbers(m, reactiveFlow, voltageLimits, thermalLimits);
  }

  /**
   * Puts another day of the same {@link Shape} into the LP: every bound, right-hand side and
   * objective coefficient is set from {@code next}; rows, columns and the matrix stay. GLOP then
   * re-solves from the previous basis when its parameters allow (see {@link WarmDispatch}).
   *
   * @throws IllegalArgumentException when {@code next} has another shape
   */
  void setNumbers(DispatchModel next, double[][] reactiveFlow, boolean voltageLimits, boolean thermalLimits) {
    if (next != m && !shape.equals(Shape.of(next))) {
      throw new IllegalArgumentException("the model has another structure than the LP was built for");
    }
    m = next;
    MPObjective objective = solver.objective();
    for (int t = 0; t < m.intervals; t++) {
      setNetworkNumbers(t, reactiveFlow[t], voltageLimits, thermalLimits);
      objective.setCoefficient(gridImport[t], m.hours * m.importPrice[t]);
      objective.setCoefficient(gridExport[t], -m.hours * m.exportPrice[t]);
    }
    for (int i = 0; i < units.length; i++) {
      setParticipantNumbers(i, objective);
    }
  }

  /**
   * The objective coefficient of an injecting (+1 in its bus balance, {@code sign} = 1) or
   * withdrawing ({@code sign} = −1) variable of participant i in interval t: its own cost plus the
   * price m.injectionCharge on its net injection. The fixed load and renewables are constants and
   * drop out of the optimum.
   */
  private double cost(int i, int t, double ownPerKwh, int sign) {
    return m.hours * (ownPerKwh + sign * m.injectionCharge[i][t]);
  }

  /** Balance rows, flows and the voltage drop of interval t, with their coefficients. */
  private void addNetwork(int t) {
    int n = m.buses;
    for (int k = 0; k < n; k++) {
      balance[t][k] = solver.makeConstraint(0, 0, "bal_" + t + "_" + k);
    }
    for (int k = 1; k < n; k++) {
      flow[t][k] = solver.makeNumVar(0, 0, "p_" + t + "_" + k);
      balance[t][k].setCoefficient(flow[t][k], 1);
      balance[t][m.parent[k]].setCoefficient(flow[t][k], -1);
      voltage[t][k] = solver.makeNumVar(0, 0, "v_" + t + "_" + k);
    }
    for (int k = 1; k < n; k++) {
      // v_k = v_parent − 2 (r P + x Q), with v_0 = V_0² a constant.
      int p = m.parent[k];
      MPConstraint drop = solver.makeConstraint(0, 0, "vd_" + t + "_" + k);
      this.drop[t][k] = drop;
      drop.setCoefficient(voltage[t][k], 1);
      if (p != 0) {
        drop.setCoefficient(voltage[t][p], -1);
      }
      drop.setCoefficient(flow[t][k], 2 * m.r[k]);
    }
  }

  /** The balance constants (fixed net load), flow and voltage bounds, and drop constants of interval t. */
  private void setNetworkNumbers(int t, double[] q, boolean voltageLimits, boolean thermalLimits) {
    double[] fixedLoad = fixedNetLoad(m, t);
    for (int k = 0; k < m.buses; k++) {
      balance[t][k].setBounds(fixedLoad[k], fixedLoad[k]);
    }
    for (int k = 1; k < m.buses; k++) {
      double bound = thermalLimits ? flowBound(m, t, k, q[k]) : MPSolver.infinity();
      flow[t][k].setBounds(-bound, bound);
      if (voltageLimits) {
        voltage[t][k].setBounds(m.vminSquared(t, k), m.vmaxSquared(t, k));
      } else {
        voltage[t][k].setBounds(-MPSolver.infinity(), MPSolver.infinity());
      }
      double rhs = dropConstant(m, k, q[k]);
      drop[t][k].setBounds(rhs, rhs);
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

  /** Participant i's columns and rows, with their coefficients; bounds and costs come from {@link #setNumbers}. */
  private Unit addParticipant(int index) {
    Participant p = m.participants.get(index);
    int bus = m.participantBus[index];
    Unit u = new Unit();
    int nt = m.intervals;
    if (p instanceof Building b) {
      u.curtailed = new MPVariable[nt];
      for (int t = 0; t < nt; t++) {
        u.curtailed[t] = solver.makeNumVar(0, 0, b.id() + "_k_" + t);
        balance[t][bus].setCoefficient(u.curtailed[t], -1);
      }
      b.battery().ifPresent(spec -> addBattery(u, b.id(), spec, bus));
      if (b.shiftable().isPresent()) {
        u.shifted = new MPVariable[nt];
        u.shiftEnergy = solver.makeConstraint(0, 0, b.id() + "_shift");
        for (int t = 0; t < nt; t++) {
          u.shifted[t] = solver.makeNumVar(0, 0, b.id() + "_s_" + t);
          balance[t][bus].setCoefficient(u.shifted[t], -1);
          u.shiftEnergy.setCoefficient(u.shifted[t], m.hours);
        }
      }
    } else if (p instanceof DistributedGenerator g) {
      u.output = new MPVariable[nt];
      for (int t = 0; t < nt; t++) {
        u.output[t] = solver.makeNumVar(0, 0, g.id() + "_g_" + t);
        balance[t][bus].setCoefficient(u.output[t], 1);
      }
    } else if (p instanceof CommunityBattery c) {
      addBattery(u, c.id(), c.battery(), bus);
    } else if (p instanceof ElectricVehicle ev) {
      addVehicle(u, ev, bus);
    }
    return u;
  }

  /** Participant i's bounds, energy constants and objective coefficients. */
  private void setParticipantNumbers(int i, MPObjective objective) {
    Participant p = m.participants.get(i);
    Unit u = units[i];
    int nt = m.intervals;
    if (p instanceof Building b) {
      for (int t = 0; t < nt; t++) {
        u.curtailed[t].setBounds(0, m.pu(b.renewableKw(t)));
        objective.setCoefficient(u.curtailed[t], cost(i, t, 0, -1));
      }
      b.battery().ifPresent(spec -> setBatteryNumbers(i, u, spec, objective));
      b.shiftable().ifPresent(s -> {
        u.shiftEnergy.setBounds(m.pu(s.energyKwh()), m.pu(s.energyKwh()));
        for (int t = 0; t < nt; t++) {
          u.shifted[t].setBounds(0, s.inWindow(t) ? m.pu(s.maxKw()) : 0);
          objective.setCoefficient(u.shifted[t], cost(i, t, 0, -1));
        }
      });
    } else if (p instanceof DistributedGenerator g) {
      for (int t = 0; t < nt; t++) {
        u.output[t].setBounds(m.pu(g.minKw()), m.pu(g.maxKw()));
        objective.setCoefficient(u.output[t], cost(i, t, g.costPerKwh(), 1));
      }
    } else if (p instanceof CommunityBattery c) {
      setBatteryNumbers(i, u, c.battery(), objective);
    } else if (p instanceof ElectricVehicle ev) {
      setVehicleNumbers(i, u, ev, objective);
    }
  }

  /** An EV's session ({@link VehicleSession}): its charge withdrawn and V2G discharge injected at its bus. */
  private void addVehicle(Unit u, ElectricVehicle ev, int bus) {
    int nt = m.intervals;
    u.vehicle = new VehicleSession(solver, ev, nt, m.hours);
    u.charge = u.vehicle.charge;
    u.discharge = u.vehicle.discharge;
    u.energy = u.vehicle.energy;
    u.soc = u.vehicle.soc;
    for (int t = 0; t < nt; t++) {
      balance[t][bus].setCoefficient(u.charge[t], -1);
      balance[t][bus].setCoefficient(u.discharge[t], 1);
    }
  }

  private void setVehicleNumbers(int i, Unit u, ElectricVehicle ev, MPObjective objective) {
    u.vehicle.setBounds(ev, m::pu);
    for (int t = 0; t < m.intervals; t++) {
      objective.setCoefficient(u.charge[t], cost(i, t, 0, -1));
      objective.setCoefficient(u.discharge[t], cost(i, t, 0, 1));
    }
  }

  /** Charge, discharge and energy with e_t = e_{t−1} + η^ch c Δt − d Δt / η^dis. */
  private void addBattery(Unit u, String id, BatterySpec b, int bus) {
    int nt = m.intervals;
    u.charge = new MPVariable[nt];
    u.discharge = new MPVariable[nt];
    u.energy = new MPVariable[nt];
    u.soc = new MPConstraint[nt];
    for (int t = 0; t < nt; t++) {
      u.charge[t] = solver.makeNumVar(0, 0, id + "_c_" + t);
      u.discharge[t] = solver.makeNumVar(0, 0, id + "_d_" + t);
      u.energy[t] = solver.makeNumVar(0, 0, id + "_e_" + t);
      balance[t][bus].setCoefficient(u.charge[t], -1);
      balance[t][bus].setCoefficient(u.discharge[t], 1);
      MPConstraint soc = solver.makeConstraint(0, 0, id + "_soc_" + t);
      u.soc[t] = soc;
      soc.setCoefficient(u.energy[t], 1);
      if (t > 0) {
        soc.setCoefficient(u.energy[t - 1], -1);
      }
      soc.setCoefficient(u.charge[t], -b.efficiencyCharge() * m.hours);
      soc.setCoefficient(u.discharge[t], m.hours / b.efficiencyDischarge());
    }
  }

  /**
   * A battery's bounds and costs: it starts at SOC_0 and ends at ≥ SOC_0 (or at ≥ m.endEnergy where
   * that is a number: the day's target when the horizon is its rest).
   */
  private void setBatteryNumbers(int i, Unit u, BatterySpec b, MPObjective objective) {
    int nt = m.intervals;
    double emin = m.pu(b.socMin() * b.capacityKwh());
    double emax = m.pu(b.socMax() * b.capacityKwh());
    double e0 = m.pu(b.initialKwh());
    double end = Double.isNaN(m.endEnergy[i]) ? e0 : m.endEnergy[i];
    for (int t = 0; t < nt; t++) {
      u.charge[t].setBounds(0, m.pu(b.chargeKw()));
      u.discharge[t].setBounds(0, m.pu(b.dischargeKw()));
      u.energy[t].setBounds(t == nt - 1 ? Math.max(emin, end) : emin, emax);
      objective.setCoefficient(u.charge[t], cost(i, t, b.degradationCostPerKwh(), -1));
      objective.setCoefficient(u.discharge[t], cost(i, t, b.degradationCostPerKwh(), 1));
    }
    u.soc[0].setBounds(e0, e0);
  }
}
