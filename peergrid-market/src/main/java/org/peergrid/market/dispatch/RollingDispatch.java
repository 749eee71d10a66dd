package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Optional;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;

/**
 * The rest-of-day LP of real time kept alive through the day, so that each interval warm-starts
 * from the previous optimal basis (docs/realtime.md, rolling horizon). It is the day-ahead LP of the
 * whole day at the real-time tariff with the day-ahead position fixed at the root; at interval t
 * the intervals before t are fixed to what was carried out (their network state freed: it is
 * history, not a decision), interval t takes the actual values, and the intervals after t keep the
 * forecasts. Solving that is solving the rest of the day t..T−1 from the actual battery energies and
 * shiftable energy served, with the day's end-of-day targets, as
 * {@link LinDistFlowDispatch#solveRest} does from a fresh sub-horizon model; only faster: GLOP's
 * dual simplex repairs the previous basis in a few pivots instead of starting over.
 *
 * <p>Not thread-safe; {@link #close()} frees the native solver.
 */
public final class RollingDispatch implements AutoCloseable {
  private final DispatchModel forecast;
  private final DispatchModel actual;
  private final double[][] actualQ;
  private final MPSolver solver;
  private final LinDistFlowLp lp;
  private int next;
  /** Whether interval next − 1 was decided by this LP and is still to be fixed to its solution. */
  private boolean lastSolved;

  /** The outcome of one interval: the LP's solution of the whole day, and whether limits were dropped. */
  public record Step(DispatchResult result, boolean networkLimitsDropped) {}

  private RollingDispatch(DispatchModel forecast, DispatchModel actual, MPSolver solver) {
    this.forecast = forecast;
    this.actual = actual;
    this.actualQ = actual.reactiveFlows();
    this.solver = solver;
    this.lp = new LinDistFlowLp(forecast, solver, forecast.reactiveFlows(), true, true);
  }

  /**
   * @param forecast the day's scenario; its realtime tariff prices the deviations
   * @param actual the same scenario with the actual load and generation
   * @param rootPositionKw the day-ahead schedule's net import at the root per interval [kW]
   * @throws IllegalStateException when OR-Tools cannot be loaded
   */
  public static RollingDispatch start(Scenario forecast, Scenario actual, double[] rootPositionKw) {
    MPSolver solver = Glop.create("realtime");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    if (!solver.setSolverSpecificParametersAsString(WARM_DUAL_SIMPLEX)) {
      throw new IllegalStateException("GLOP refused the parameters \"" + WARM_DUAL_SIMPLEX + "\"");
    }
    RollingDispatch rolling = new RollingDispatch(DispatchModel.realTime(forecast, rootPositionKw),
        DispatchModel.realTime(actual, rootPositionKw), solver);
    // The one cold solve, on the forecasts, before the day starts: every interval then starts warm.
    MPSolver.ResultStatus status = solver.solve();
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      rolling.close();
      throw new IllegalStateException("the real-time LP of the forecast day ended " + status
          + ", though the day-ahead market cleared it");
    }
    return rolling;
  }

  /**
   * Dual simplex without presolve: presolve rewrites the problem each time (dropping the fixed
   * variables), which throws the previous basis away. On 300 buildings × 96 intervals a warm
   * interval then takes about 55 ms of CPU instead of 1.7 s (docs/realtime.md, measurements).
   */
  static final String WARM_DUAL_SIMPLEX = "use_dual_simplex: true use_preprocessing: false";

  /**
   * Schedules the rest of the day from interval t, which must follow the previous call's. Where no
   * schedule meets the network limits with the actual values of t, they are dropped for t alone.
   * The solution covers the whole day: rows before t are what was carried out, row t is the
   * decision now, and its import, export and generation columns are those of the forecast (the
   * caller knows the actual values).
   */
  public Step solve(int t) {
    if (t != next) {
      throw new IllegalStateException("interval " + t + " asked for, " + next + " expected");
    }
    long start = System.nanoTime();
    if (lastSolved) {
      fix(t - 1);
    }
    applyActual(t);
    next = t + 1;
    lastSolved = true;
    MPSolver.ResultStatus status = solver.solve();
    boolean dropped = false;
    if (status == MPSolver.ResultStatus.INFEASIBLE) {
      dropped = true;
      freeNetwork(t);
      status = solver.solve();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      return new Step(new DispatchResult(DispatchStatus.SOLVER_FAILED, "GLOP stopped with status " + status
          + " on the rest of the day from interval " + t, Optional.empty(), millis), dropped);
    }
    return new Step(new DispatchResult(DispatchStatus.OPTIMAL, "rest of the day from interval " + t,
        Optional.of(SolutionReader.read(lp)), millis), dropped);
  }

  /**
   * Interval t carried out as another schedule had it (the day-ahead one, kept while nothing
   * deviates): its decisions fixed to that schedule's row t, which must also be row t's actual values.
   *
   * @param schedules every participant's, in scenario order
   */
  public void keep(int t, java.util.List<ParticipantSchedule> schedules) {
    if (t != next || lastSolved) {
      throw new IllegalStateException("interval " + t + " kept, " + next + " expected"
          + (lastSolved ? " after a solved one" : ""));
    }
    for (int i = 0; i < lp.units.length; i++) {
      LinDistFlowLp.Unit u = lp.units[i];
      ParticipantSchedule s = schedules.get(i);
      fixTo(u.charge, t, s.chargeKw().get(t));
      fixTo(u.discharge, t, s.dischargeKw().get(t));
      fixTo(u.energy, t, s.socKwh().get(t));
      fixTo(u.shifted, t, s.shiftedKw().get(t));
      fixTo(u.curtailed, t, s.curtailedKw().get(t));
      fixTo(u.output, t, s.generationKw().get(t));
    }
    freeNetwork(t);
    next = t + 1;
  }

  private void fixTo(MPVariable[] vars, int t, double kw) {
    if (vars != null) {
      double v = forecast.pu(kw);
      vars[t].setBounds(v, v);
    }
  }

  /**
   * Interval t as carried out: every participant's decisions fixed, the network state freed. All
   * values are read before any bound changes, since OR-Tools forgets a solution once the model changes.
   */
  private void fix(int t) {
    java.util.List<MPVariable> vars = new java.util.ArrayList<>();
    for (LinDistFlowLp.Unit u : lp.units) {
      for (MPVariable[] series : new MPVariable[][] {u.charge, u.discharge, u.energy, u.shifted, u.curtailed,
          u.output}) {
        if (series != null) {
          vars.add(series[t]);
        }
      }
    }
    double[] values = vars.stream().mapToDouble(MPVariable::solutionValue).toArray();
    for (int i = 0; i < values.length; i++) {
      vars.get(i).setBounds(values[i], values[i]);
    }
    freeNetwork(t);
  }

  private void freeNetwork(int t) {
    for (int k = 1; k < forecast.buses; k++) {
      lp.flow[t][k].setBounds(-MPSolver.infinity(), MPSolver.infinity());
      lp.voltage[t][k].setBounds(-MPSolver.infinity(), MPSolver.infinity());
    }
  }

  /** The actual load, renewables and reactive power of interval t, in place of the forecasts. */
  private void applyActual(int t) {
    double[] load = LinDistFlowLp.fixedNetLoad(actual, t);
    for (int k = 0; k < forecast.buses; k++) {
      lp.balance[t][k].setBounds(load[k], load[k]);
    }
    for (int k = 1; k < forecast.buses; k++) {
      double rhs = LinDistFlowLp.dropConstant(actual, k, actualQ[t][k]);
      lp.drop[t][k].setBounds(rhs, rhs);
      double bound = LinDistFlowLp.flowBound(actual, t, k, actualQ[t][k]);
      lp.flow[t][k].setBounds(-bound, bound);
    }
    for (int i = 0; i < lp.units.length; i++) {
      if (actual.participants.get(i) instanceof Building b) {
        lp.units[i].curtailed[t].setBounds(0, actual.pu(b.renewableKw(t)));
      }
    }
  }

  @Override
  public void close() {
    solver.delete();
  }
}
