package org.peergrid.market.threephase;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.grid.ValidationException;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.dispatch.Glop;
import org.peergrid.market.dispatch.VehicleSession;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseNetworkSettings;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * The day-ahead clearing of a {@link ThreePhaseScenario}: all intervals in one LP on the feeder's
 * {@link LinDist3Flow} model, the participants' devices coupling the intervals (batteries' state of
 * charge, a shiftable load's daily energy), DLMPs per bus and phase in every interval.
 *
 * <p><b>LP.</b> Per participant i and interval t one free column {@code y_it}, its flexible injection
 * in kW, spread equally over its phases; its devices define it: {@code y = discharge − charge −
 * curtailed PV − shifted load + generator output} (one equality row). The fixed injections of interval
 * t are the feeder's own loads times {@code network.background_profile} and every building's renewable
 * output less its load (its reactive load at its power factor). Per interval: the balance
 * {@code g_t − e_t + Σ_i y_it = Σ fixed load} and the network rows of {@link ThreePhaseClearing}
 * (voltage, unbalance) over the columns {@code y_·t} ({@link ThreePhaseClearing.IntervalRows}, the same
 * code as the one-interval clearing). Devices follow MODEL.md §2 as the balanced clearing models
 * them: {@code e_t = e_{t−1} + η^ch c_t Δt − d_t Δt / η^dis} from SOC_0, ending at ≥ SOC_0; curtailment
 * up to the renewable forecast; a shiftable load's energy inside its window; an EV's charging session
 * ({@link VehicleSession}, the balanced LP's rows: charge only while plugged in, up to the charger, the
 * departure energy reached). The objective is money per
 * hour summed over the intervals (times Δt, the day's cost), so the balance rows' duals are money per
 * kWh and the DLMPs come out as in the one-interval clearing.
 *
 * <p>With {@code network = false} and one participant it is that participant's day alone at the tariffs
 * (MODEL.md §3's base case): no network rows, the same device rows.
 */
public final class ThreePhaseDayClearing {
  private final ThreePhaseScenario scenario;
  private final LinDist3Flow model;
  private final ThreePhaseClearing.Limits limits;
  private final List<ThreePhaseClearing.BranchLimit> lineLimits;
  /** One per participant that has a decision (PV to curtail, a battery, a shiftable load, a generator). */
  private final List<PhaseOffer> columns;
  /** Each participant's column in {@link #columns}, or -1 for one whose net injection is fixed. */
  private final int[] columnOf;
  private final List<List<LinDist3Flow.Port>> participantPortList;
  private final double[][] sensitivities;
  private final List<List<LinDist3Flow.Injection>> fixed;
  private final List<LinDist3Flow.Port> pricedPorts;
  private final int[][] participantPorts;
  /** The real-time rest of a day: the day-ahead position at the source per interval [kW]; zeros day-ahead. */
  private final double[] rootPositionKw;
  /** The real-time rest of a day: each battery's end-of-day energy target [kWh] by id; else SOC_0·E^max. */
  private final Map<String, Double> endEnergyKwh;

  /** The scenario's feeder as LinDist3Flow, at the regulators' taps under its own loads (controls on). */
  public static LinDist3Flow model(ThreePhaseScenario s) {
    return model(s, false);
  }

  /**
   * The same, linearised at no load or ({@code atBaseCase}) at that power flow's solution, the feeder's own
   * loads at their nominal powers (docs/opendss.md, "Linearising at an operating point"): more accurate
   * near the feeder's full load, less at half of it; not yet what the commands use.
   */
  public static LinDist3Flow model(ThreePhaseScenario s, boolean atBaseCase) {
    ThreePhasePowerFlow pf = new ThreePhasePowerFlow(s.network().feeder(), ThreePhaseParameters.defaults());
    ThreePhaseResult r = pf.solve();
    if (!r.converged()) {
      throw new ValidationException(s.network().opendss().toString(), 0, "the feeder's power flow with its own loads"
          + " ended " + r.status() + "; the market needs a feeder that solves (check it with peergrid powerflow --case)");
    }
    return atBaseCase ? new LinDist3Flow(pf, r) : new LinDist3Flow(pf);
  }

  public ThreePhaseDayClearing(ThreePhaseScenario scenario, LinDist3Flow model) {
    this(scenario, model, new double[scenario.horizon().intervals()], Map.of());
  }

  /**
   * The rest of a real-time day (docs/realtime.md §2, the three-phase form of {@code RestOfDay}): the
   * day-ahead position {@code G_t} at the source is added to the balance, {@code g − e + Σ y = Σ fixed
   * load − G}, so that the grid columns are the shortfall and the surplus against the position, priced
   * at the scenario's tariff (the caller passes the real-time one); batteries end the day at the day's
   * target rather than at their energy now.
   *
   * @param rootPositionKw per interval of {@code scenario}, the day-ahead net import at the source [kW]
   * @param endEnergyKwh by participant id, the energy each battery must hold at the end [kWh]
   */
  public ThreePhaseDayClearing(ThreePhaseScenario scenario, LinDist3Flow model, double[] rootPositionKw,
      Map<String, Double> endEnergyKwh) {
    this.scenario = scenario;
    this.model = model;
    if (rootPositionKw.length != scenario.horizon().intervals()) {
      throw new IllegalArgumentException("one root position per interval: " + rootPositionKw.length);
    }
    this.rootPositionKw = rootPositionKw.clone();
    this.endEnergyKwh = Map.copyOf(endEnergyKwh);
    this.limits = new ThreePhaseClearing.Limits(scenario.network().vminPu(), scenario.network().vmaxPu(),
        scenario.network().unbalancePu());
    // in name order: the LP's rows, and so GLOP's choice among tied optima, do not depend on map order
    lineLimits = scenario.network().lineLimitAmps().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> new ThreePhaseClearing.BranchLimit(e.getKey(), e.getValue())).toList();
    PhaseNetwork net = model.network();
    // participants without a decision get no column: on a large feeder each column is dense in every row
    columns = new ArrayList<>();
    participantPortList = new ArrayList<>();
    columnOf = new int[scenario.participants().size()];
    for (int i = 0; i < columnOf.length; i++) {
      Participant p = scenario.participants().get(i);
      participantPortList.add(ports(p));
      columnOf[i] = hasDecision(p, scenario.horizon().intervals()) ? columns.size() : -1;
      if (columnOf[i] >= 0) {
        columns.add(new PhaseOffer(p.id(), participantPortList.get(i), Double.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, 0));
      }
    }
    sensitivities = ThreePhaseClearing.offerSensitivities(model, columns);
    List<LinDist3Flow.Injection> feederLoads = model.feederInjections();
    fixed = fixedInjections(scenario, feederLoads, participantPortList);
    // every phase node of every bus but the source's, phase to ground; then the feeder loads' other ports
    Map<LinDist3Flow.Port, Integer> index = new LinkedHashMap<>();
    for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
      if (net.nodeNumbers()[k] <= 3) {
        index.putIfAbsent(new LinDist3Flow.Port(k, -1), index.size());
      }
    }
    for (LinDist3Flow.Injection s : feederLoads) {
      index.putIfAbsent(s.port(), index.size());
    }
    pricedPorts = List.copyOf(index.keySet());
    participantPorts = new int[columnOf.length][];
    for (int i = 0; i < columnOf.length; i++) {
      participantPorts[i] = participantPortList.get(i).stream().mapToInt(index::get).toArray();
    }
  }

  /**
   * The same day with other forecasts ({@code day}: this scenario's participants, in the same order on the
   * same buses and phases, with other load, PV and wind series, e.g. a sample of the uncertainty run),
   * reusing this clearing's LinDist3Flow model, columns and sensitivities: only the fixed injections are
   * made again. The columns stay those of this scenario's participants with a decision: a building whose
   * renewables the sample sets to 0 all day keeps its column, which its devices then hold at 0, so the LP
   * and its optimum are those of a clearing built from scratch. The day keeps this clearing's feeder.
   * Not thread-safe, like the model and the feeder it shares (LinDist3Flow solves into work arrays, the
   * power flow refreshes the feeder's elements): use one per thread, each on a feeder of its own
   * ({@link ThreePhaseNetworkSettings#withOwnFeeder}).
   */
  public ThreePhaseDayClearing withForecasts(ThreePhaseScenario day) {
    List<Participant> ours = scenario.participants();
    List<Participant> theirs = day.participants();
    for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
      if (i >= ours.size() || i >= theirs.size() || !ours.get(i).id().equals(theirs.get(i).id())
          || !scenario.connection(ours.get(i).id()).equals(day.connection(theirs.get(i).id()))) {
        throw new IllegalArgumentException("the day must have the same participants, in the same order and"
            + " places, as the clearing's scenario");
      }
    }
    // on this clearing's feeder: its elements are the ones the model was built at (the taps)
    return new ThreePhaseDayClearing(this, day.withNetwork(scenario.network()));
  }

  private ThreePhaseDayClearing(ThreePhaseDayClearing prepared, ThreePhaseScenario day) {
    this.scenario = day;
    this.model = prepared.model;
    this.limits = prepared.limits;
    this.lineLimits = prepared.lineLimits;
    this.columns = prepared.columns;
    this.columnOf = prepared.columnOf;
    this.participantPortList = prepared.participantPortList;
    this.sensitivities = prepared.sensitivities;
    this.pricedPorts = prepared.pricedPorts;
    this.participantPorts = prepared.participantPorts;
    this.rootPositionKw = prepared.rootPositionKw;
    this.endEnergyKwh = prepared.endEnergyKwh;
    this.fixed = fixedInjections(day, model.feederInjections(), participantPortList);
  }

  /** Per interval: the feeder's own loads times the background profile, and every building's renewables less its load. */
  private static List<List<LinDist3Flow.Injection>> fixedInjections(ThreePhaseScenario scenario,
      List<LinDist3Flow.Injection> feederLoads, List<List<LinDist3Flow.Port>> participantPortList) {
    List<List<LinDist3Flow.Injection>> fixed = new ArrayList<>();
    for (int t = 0; t < scenario.horizon().intervals(); t++) {
      List<LinDist3Flow.Injection> in = new ArrayList<>();
      double multiplier = scenario.network().backgroundMultiplier(t);
      if (multiplier != 0) {
        for (LinDist3Flow.Injection s : feederLoads) {
          in.add(new LinDist3Flow.Injection(s.port(), multiplier * s.pKw(), multiplier * s.qKvar()));
        }
      }
      for (int i = 0; i < participantPortList.size(); i++) {
        if (scenario.participants().get(i) instanceof Building b) {
          List<LinDist3Flow.Port> ports = participantPortList.get(i);
          double p = (b.renewableKw(t) - b.loadKw().get(t)) / ports.size();
          double q = -b.loadKvar(t) / ports.size();
          for (LinDist3Flow.Port port : ports) {
            in.add(new LinDist3Flow.Injection(port, p, q));
          }
        }
      }
      fixed.add(in);
    }
    return fixed;
  }

  /** Whether a participant decides anything: a building with renewables, a battery or a shiftable load; the rest. */
  private static boolean hasDecision(Participant p, int intervals) {
    if (p instanceof Building b) {
      boolean renewables = false;
      for (int t = 0; t < intervals; t++) {
        renewables |= b.renewableKw(t) > 0;
      }
      return renewables || b.battery().isPresent() || b.shiftable().isPresent();
    }
    return true;
  }

  private List<LinDist3Flow.Port> ports(Participant p) {
    PhaseConnection c = scenario.connection(p.id());
    return c.nodes().stream().map(number -> model.wye(c.bus(), number)).toList();
  }

  public ThreePhaseScenario scenario() {
    return scenario;
  }

  public LinDist3Flow model() {
    return model;
  }

  public ThreePhaseClearing.Limits limits() {
    return limits;
  }

  /** The line limits of {@code network.line_limit_a}, in name order. */
  List<ThreePhaseClearing.BranchLimit> lineLimits() {
    return lineLimits;
  }

  /** The ports priced in every interval: each phase node to ground, then the feeder loads' delta ports. */
  public List<LinDist3Flow.Port> pricedPorts() {
    return pricedPorts;
  }

  /** The fixed injections of interval t (feeder loads, buildings' load and renewables), kW and kvar. */
  public List<LinDist3Flow.Injection> fixedInjections(int t) {
    return fixed.get(t);
  }

  /** The columns of the participants that decide something (their ports), in scenario order. */
  public List<PhaseOffer> columns() {
    return columns;
  }

  /** Clears the day at the scenario's limits. */
  public ThreePhaseDay clear() {
    int n = model.network().nodeCount();
    int nt = scenario.horizon().intervals();
    return clear(new double[nt][n], new double[nt][n]);
  }

  /** Clears the day with node limits tightened per interval and node (the AC correction's margins, p.u.²). */
  public ThreePhaseDay clear(double[][] vminRaisePu2, double[][] vmaxCutPu2) {
    return clear(vminRaisePu2, vmaxCutPu2, null);
  }

  /**
   * The same with each phase node's unbalance rows tightened per interval to {@code unbalance_pu −
   * unbalanceCutPu[t][k]} (the AC correction's margins for the PVUR; null for none).
   */
  public ThreePhaseDay clear(double[][] vminRaisePu2, double[][] vmaxCutPu2, double[][] unbalanceCutPu) {
    return clear(vminRaisePu2, vmaxCutPu2, unbalanceCutPu, null);
  }

  /**
   * The same with each line limit lowered per interval by {@code lineCutAmps[t][l]} (A; l in
   * {@link #lineLimits()}'s order; null for none): the AC correction's margins for the currents.
   */
  public ThreePhaseDay clear(double[][] vminRaisePu2, double[][] vmaxCutPu2, double[][] unbalanceCutPu,
      double[][] lineCutAmps) {
    return solve(scenario.participants(), true, vminRaisePu2, vmaxCutPu2, unbalanceCutPu, lineCutAmps);
  }

  /**
   * The day with {@code kw} more load drawn through {@code port} in interval {@code t} (limits as given):
   * the finite-difference check of the DLMPs moves one bus-phase's load and compares the cost change.
   */
  ThreePhaseDay clearWithExtraLoad(int t, LinDist3Flow.Port port, double kw) {
    List<LinDist3Flow.Injection> original = fixed.get(t);
    List<LinDist3Flow.Injection> moved = new ArrayList<>(original);
    moved.add(new LinDist3Flow.Injection(port, -kw, 0));
    fixed.set(t, moved);
    try {
      return clear();
    } finally {
      fixed.set(t, original);
    }
  }

  /** A participant's day alone at the tariffs, without the network: its base cost C⁰ (money). */
  public double aloneCost(Participant p) {
    ThreePhaseDay alone = solve(List.of(p), false, null, null, null, null);
    if (alone.status() != ThreePhaseClearingResult.Status.OPTIMAL) {
      throw new ValidationException(p.id() + ": its day alone at the tariffs is infeasible (" + alone.message() + ")");
    }
    return alone.cost();
  }

  private ThreePhaseDay solve(List<Participant> parts, boolean network, double[][] raise, double[][] cut,
      double[][] unbalanceCut, double[][] lineCut) {
    int nt = scenario.horizon().intervals();
    double hours = scenario.horizon().hours();
    MPSolver solver = Glop.create("three-phase day clearing");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    try {
      solver.objective().setMinimization();
      MPVariable[] g = new MPVariable[nt];
      MPVariable[] e = new MPVariable[nt];
      MPConstraint[] balance = new MPConstraint[nt];
      // network: the columns of the participants with a decision; alone: the participant's own
      int[] col = network ? columnOf : new int[] {0};
      int ncols = network ? columns.size() : 1;
      MPVariable[][] y = new MPVariable[nt][ncols];
      List<Devices> devices = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        double load = 0;
        if (network) {
          for (LinDist3Flow.Injection s : fixed.get(t)) {
            load -= s.pKw();
          }
          load -= rootPositionKw[t];
        } else {
          for (Participant p : parts) {
            if (p instanceof Building b) {
              load += b.loadKw().get(t) - b.renewableKw(t);
            }
          }
        }
        balance[t] = sourceBalance(solver, scenario, t, load, g, e);
        for (int j = 0; j < ncols; j++) {
          y[t][j] = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "y_" + j + "_" + t);
          balance[t].setCoefficient(y[t][j], 1);
        }
      }
      for (int i = 0; i < parts.size(); i++) {
        MPVariable[] yi = null;
        if (col[i] >= 0) {
          yi = new MPVariable[nt];
          for (int t = 0; t < nt; t++) {
            yi[t] = y[t][col[i]];
          }
        }
        devices.add(new Devices(solver, parts.get(i), yi, nt, hours, endEnergyKwh.get(parts.get(i).id())));
      }
      List<ThreePhaseClearing.IntervalRows> rows = new ArrayList<>();
      if (network) {
        for (int t = 0; t < nt; t++) {
          rows.add(new ThreePhaseClearing.IntervalRows(solver, model, fixed.get(t), columns, sensitivities, y[t],
              limits, ThreePhaseAcCorrection.tightened(lineLimits, lineCut == null ? null : lineCut[t]), raise[t],
              cut[t], unbalanceCut == null ? null : unbalanceCut[t], "_t" + t));
        }
      }
      MPSolver.ResultStatus status = solver.solve();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        boolean infeasible = status == MPSolver.ResultStatus.INFEASIBLE;
        return ThreePhaseDay.failed(infeasible ? ThreePhaseClearingResult.Status.INFEASIBLE
            : ThreePhaseClearingResult.Status.NOT_SOLVED, infeasible
            ? "no schedule keeps every phase node's voltage and every three-phase bus's unbalance inside the limits"
            : "GLOP stopped with " + status);
      }
      List<ThreePhaseClearingResult> intervals = new ArrayList<>();
      for (int t = 0; t < nt; t++) {
        double intervalCost = scenario.tariff().importPrice().get(t) * g[t].solutionValue()
            - scenario.tariff().exportPrice().get(t) * e[t].solutionValue();
        if (network) {
          intervals.add(rows.get(t).result(intervalCost, g[t].solutionValue(), e[t].solutionValue(),
              Glop.marginal(balance[t].dualValue()), pricedPorts));
        }
      }
      List<ParticipantDay> schedules = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        schedules.add(devices.get(i).schedule(network ? participantPrices(i, intervals) : new double[nt]));
      }
      return new ThreePhaseDay(ThreePhaseClearingResult.Status.OPTIMAL, "optimal",
          hours * solver.objective().value(), intervals, schedules);
    } finally {
      solver.delete();
    }
  }

  /**
   * Interval t's import {@code g[t]} and export {@code e[t]} at the source, at the tariffs in an objective
   * of money per hour, and the balance row {@code g − e + (the caller's injections) = load}; returns the row.
   */
  static MPConstraint sourceBalance(MPSolver solver, ThreePhaseScenario scenario, int t, double load, MPVariable[] g,
      MPVariable[] e) {
    g[t] = solver.makeNumVar(0, MPSolver.infinity(), "import_" + t);
    e[t] = solver.makeNumVar(0, MPSolver.infinity(), "export_" + t);
    solver.objective().setCoefficient(g[t], scenario.tariff().importPrice().get(t));
    solver.objective().setCoefficient(e[t], -scenario.tariff().exportPrice().get(t));
    MPConstraint balance = solver.makeConstraint(load, load, "balance_" + t);
    balance.setCoefficient(g[t], 1);
    balance.setCoefficient(e[t], -1);
    return balance;
  }

  /** A participant's price per interval: the mean of its phases' DLMPs (its power is spread equally over them). */
  private double[] participantPrices(int i, List<ThreePhaseClearingResult> intervals) {
    double[] price = new double[intervals.size()];
    for (int t = 0; t < price.length; t++) {
      for (int j : participantPorts[i]) {
        price[t] += intervals.get(t).prices().get(j).dlmp() / participantPorts[i].length;
      }
    }
    return price;
  }

  /** One participant's device columns and rows over the day. */
  private static final class Devices {
    private final Participant participant;
    private final int nt;
    private final double hours;
    private MPVariable[] charge;
    private MPVariable[] discharge;
    private MPVariable[] energy;
    private MPVariable[] curtailed;
    private MPVariable[] shifted;
    private MPVariable[] output;
    /** The battery's end-of-day energy target [kWh]; null: its initial energy. */
    private final Double endKwh;

    /**
     * @param y the participant's column per interval; null for one without a decision (no rows, no columns)
     * @param endKwh its battery's end-of-day target; null for SOC_0·E^max
     */
    Devices(MPSolver solver, Participant p, MPVariable[] y, int nt, double hours, Double endKwh) {
      this.participant = p;
      this.endKwh = endKwh;
      this.nt = nt;
      this.hours = hours;
      if (y == null) {
        return;
      }
      // y_t − Σ (its devices' injections) = 0
      MPConstraint[] defines = new MPConstraint[nt];
      for (int t = 0; t < nt; t++) {
        defines[t] = solver.makeConstraint(0, 0, p.id() + "_y_" + t);
        defines[t].setCoefficient(y[t], 1);
      }
      String id = p.id();
      if (p instanceof Building b) {
        curtailed = new MPVariable[nt];
        for (int t = 0; t < nt; t++) {
          curtailed[t] = solver.makeNumVar(0, b.renewableKw(t), id + "_k_" + t);
          defines[t].setCoefficient(curtailed[t], 1);
        }
        b.battery().ifPresent(spec -> battery(solver, id, spec, defines));
        b.shiftable().ifPresent(s -> {
          shifted = new MPVariable[nt];
          MPConstraint daily = solver.makeConstraint(s.energyKwh(), s.energyKwh(), id + "_shift");
          for (int t = 0; t < nt; t++) {
            shifted[t] = solver.makeNumVar(0, s.inWindow(t) ? s.maxKw() : 0, id + "_s_" + t);
            defines[t].setCoefficient(shifted[t], 1);
            daily.setCoefficient(shifted[t], hours);
          }
        });
      } else if (p instanceof DistributedGenerator gen) {
        output = new MPVariable[nt];
        for (int t = 0; t < nt; t++) {
          output[t] = solver.makeNumVar(gen.minKw(), gen.maxKw(), id + "_g_" + t);
          solver.objective().setCoefficient(output[t], gen.costPerKwh());
          defines[t].setCoefficient(output[t], -1);
        }
      } else if (p instanceof CommunityBattery c) {
        battery(solver, id, c.battery(), defines);
      } else if (p instanceof ElectricVehicle ev) {
        // the session's rows as the balanced LP builds them, in kW: charging withdraws, V2G injects
        VehicleSession session = new VehicleSession(solver, ev, nt, hours);
        session.setBounds(ev, kw -> kw);
        charge = session.charge;
        discharge = session.discharge;
        energy = session.energy;
        for (int t = 0; t < nt; t++) {
          defines[t].setCoefficient(charge[t], 1);
          defines[t].setCoefficient(discharge[t], -1);
        }
      } else {
        throw new ValidationException(id + ": a " + p.typeName() + " is not yet cleared on a three-phase feeder");
      }
    }

    /** Charge, discharge and energy with e_t = e_{t−1} + η^ch c Δt − d Δt / η^dis, from SOC_0 to at least SOC_0. */
    private void battery(MPSolver solver, String id, BatterySpec b, MPConstraint[] defines) {
      charge = new MPVariable[nt];
      discharge = new MPVariable[nt];
      energy = new MPVariable[nt];
      double emin = b.socMin() * b.capacityKwh();
      double emax = b.socMax() * b.capacityKwh();
      double e0 = b.initialKwh();
      double end = endKwh == null ? e0 : endKwh;
      for (int t = 0; t < nt; t++) {
        charge[t] = solver.makeNumVar(0, b.chargeKw(), id + "_c_" + t);
        discharge[t] = solver.makeNumVar(0, b.dischargeKw(), id + "_d_" + t);
        energy[t] = solver.makeNumVar(t == nt - 1 ? Math.min(emax, Math.max(emin, end)) : emin, emax, id + "_e_" + t);
        solver.objective().setCoefficient(charge[t], b.degradationCostPerKwh());
        solver.objective().setCoefficient(discharge[t], b.degradationCostPerKwh());
        defines[t].setCoefficient(charge[t], 1);
        defines[t].setCoefficient(discharge[t], -1);
        MPConstraint soc = solver.makeConstraint(t == 0 ? e0 : 0, t == 0 ? e0 : 0, id + "_soc_" + t);
        soc.setCoefficient(energy[t], 1);
        if (t > 0) {
          soc.setCoefficient(energy[t - 1], -1);
        }
        soc.setCoefficient(charge[t], -b.efficiencyCharge() * hours);
        soc.setCoefficient(discharge[t], hours / b.efficiencyDischarge());
      }
    }

    ParticipantDay schedule(double[] price) {
      return new ParticipantDay(participant.id(), values(charge), values(discharge), values(energy),
          values(curtailed), values(shifted), values(output), net(), price);
    }

    /** Net injection per interval: renewables less load and curtailment, plus the devices' injection [kW]. */
    private double[] net() {
      double[] net = new double[nt];
      for (int t = 0; t < nt; t++) {
        if (participant instanceof Building b) {
          net[t] = b.renewableKw(t) - b.loadKw().get(t);
        }
        net[t] += get(discharge, t) - get(charge, t) - get(curtailed, t) - get(shifted, t) + get(output, t);
      }
      return net;
    }

    private static double get(MPVariable[] v, int t) {
      return v == null ? 0 : v[t].solutionValue();
    }

    private double[] values(MPVariable[] v) {
      double[] out = new double[nt];
      for (int t = 0; t < nt; t++) {
        out[t] = get(v, t);
      }
      return out;
    }
  }
}
