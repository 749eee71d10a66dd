package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.Tariff;
import org.peergrid.market.scenario.TimeSeries;

/**
 * A participant's best response when what it pays in each interval is a convex function of its own
 * net withdrawal (a market whose price rules make the payoff depend on the quantity traded, e.g.
 * rationed peer energy). Its own day is the LP of MODEL.md §2 on one bus (battery, shiftable load,
 * curtailment, a DG's output, an EV's charging), with wear and fuel in the objective; the payment of
 * interval t enters through an epigraph variable z_t ≥ c_t(q_t), which Kelley's cutting-plane method
 * (J. E. Kelley, "The cutting-plane method for solving convex programs", J. SIAM 8(4):703–712, 1960,
 * doi:10.1137/0108053) represents by tangent cuts added at each LP solution until the cuts'
 * value and the true cost agree.
 *
 * <p>Because every cut lies below the convex c_t, the LP's optimum is a <em>lower bound</em> on the
 * participant's best cost, and its schedule priced with the true c_t an upper bound: {@link Answer}
 * carries both, so a caller can certify how much any deviation could gain. The LP is built once and
 * only the cut rows change between calls (GLOP re-solves from its last basis). One thread at a time.
 */
public final class ConvexCostResponder implements AutoCloseable {
  /** Stop when the true cost and the cuts' bound differ by less than this, relative to max(1, |cost|). */
  public static final double RELATIVE_GAP = 1e-9;
  /** Cut rounds at most per answer; the bound stays valid if it is reached. */
  public static final int MAX_CUT_ROUNDS = 400;

  /** The payment of each interval as a function of the net withdrawal q [kWh] (negative: injection). */
  public interface IntervalCost {
    /** c_t(q) [money]; convex in q. */
    double cost(int t, double q);

    /**
     * A one-sided derivative of c_t at q [money/kWh]: from the left (towards more injection) or from
     * the right; either is a subgradient of a convex function, so a cut with it stays under c_t.
     */
    double slope(int t, double q, boolean fromLeft);
  }

  /**
   * @param schedule the best schedule found
   * @param cost its true cost: Σ c_t(q_t) plus wear and fuel [money]
   * @param lowerBound no schedule of the participant costs less than this [money]
   * @param cutRounds LP solves it took
   */
  public record Answer(ParticipantSchedule schedule, double cost, double lowerBound, int cutRounds) {}

  private final DispatchModel m;
  private final MPSolver solver;
  private final LinDistFlowLp lp;
  private final MPVariable[] payment;
  private final List<List<MPConstraint>> cuts = new ArrayList<>();
  private final int[] used;
  private final String id;

  public ConvexCostResponder(Scenario scenario, Participant participant) {
    int n = scenario.horizon().intervals();
    TimeSeries zero = TimeSeries.constant(0, n);
    Scenario alone = new Scenario(scenario.name(), scenario.currency(), scenario.network(), scenario.horizon(),
        new Tariff(zero, zero), List.of(participant));
    m = DispatchModel.copperPlate(alone, participant);
    solver = Glop.create("convex-response");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    lp = new LinDistFlowLp(m, solver, m.reactiveFlows(), true, true);
    payment = new MPVariable[n];
    used = new int[n];
    for (int t = 0; t < n; t++) {
      payment[t] = solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "pay_" + t);
      solver.objective().setCoefficient(payment[t], 1);
      solver.objective().setCoefficient(lp.gridImport[t], 0);
      solver.objective().setCoefficient(lp.gridExport[t], 0);
      cuts.add(new ArrayList<>());
    }
    id = participant.id();
  }

  /**
   * The best schedule against {@code cost}, to within {@link #RELATIVE_GAP}.
   *
   * @param start net withdrawals [kWh] at which to cut first (e.g. the current schedule's), or null
   */
  public Answer respond(IntervalCost cost, double[] start) {
    return respond(cost, start, 0);
  }

  /**
   * The same, stopping once the cuts' bound is within {@code gap} money of the best cost found (or
   * within {@link #RELATIVE_GAP}, whichever is larger): a caller that only needs to know whether a
   * deviation gains more than some amount asks for a fraction of it.
   */
  public Answer respond(IntervalCost cost, double[] start, double gap) {
    for (int t = 0; t < m.intervals; t++) {
      for (MPConstraint c : cuts.get(t)) {
        c.setLb(-MPSolver.infinity());
      }
      used[t] = 0;
      // The two one-sided slopes at 0 bound z_t from below on both sides, so the LP is bounded.
      addCut(cost, t, 0, cost.slope(t, 0, false));
      addCut(cost, t, 0, cost.slope(t, 0, true));
      if (start != null && start[t] != 0) {
        addCut(cost, t, start[t], cost.slope(t, start[t], start[t] < 0));
      }
    }
    double best = Double.POSITIVE_INFINITY;
    ParticipantSchedule bestSchedule = null;
    double bound = Double.NEGATIVE_INFINITY;
    int rounds = 0;
    while (rounds < MAX_CUT_ROUNDS) {
      rounds++;
      MPSolver.ResultStatus status = solver.solve();
      if (status == MPSolver.ResultStatus.ABNORMAL) {
        // A basis kept from other prices and cuts can be numerically poor: solve from scratch once.
        solver.reset();
        status = solver.solve();
      }
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        if (bestSchedule != null) {
          // Nearly parallel cuts can trouble the simplex; the bound and schedule found so far stay valid.
          break;
        }
        throw new IllegalStateException(id + " has no schedule of its own: GLOP stopped with status " + status);
      }
      double lpValue = m.kw(solver.objective().value());
      bound = Math.max(bound, lpValue);
      double[] q = netWithdrawalKwh();
      // Read every value before a cut changes the model: GLOP's solution is gone after a change.
      double[] under = new double[m.intervals];
      double trueCost = lpValue;
      for (int t = 0; t < m.intervals; t++) {
        under[t] = cost.cost(t, q[t]) - m.kw(payment[t].solutionValue());
        trueCost += under[t];
      }
      if (trueCost < best) {
        best = trueCost;
        bestSchedule = SolutionReader.read(lp).schedules().get(0);
      }
      double enough = Math.max(gap, RELATIVE_GAP * Math.max(1, Math.abs(best)));
      if (best - bound <= enough) {
        break;
      }
      for (int t = 0; t < m.intervals; t++) {
        if (under[t] > enough / m.intervals) {
          addCut(cost, t, q[t], cost.slope(t, q[t], q[t] < 0));
        }
      }
    }
    return new Answer(bestSchedule, best, Math.min(bound, best), rounds);
  }

  /** z_t ≥ c(q̂) + g (q − q̂), with q = (import − export)·base·Δt. */
  private void addCut(IntervalCost cost, int t, double at, double slope) {
    List<MPConstraint> rows = cuts.get(t);
    MPConstraint row;
    if (used[t] < rows.size()) {
      row = rows.get(used[t]);
    } else {
      row = solver.makeConstraint(-MPSolver.infinity(), MPSolver.infinity(), "cut_" + t + "_" + rows.size());
      row.setCoefficient(payment[t], 1);
      rows.add(row);
    }
    used[t]++;
    // In the LP's units: z is money/base and q/base = (import − export)·Δt, so the cut's slope is g·Δt.
    row.setCoefficient(lp.gridImport[t], -slope * m.hours);
    row.setCoefficient(lp.gridExport[t], slope * m.hours);
    row.setLb(m.pu(cost.cost(t, at) - slope * at));
  }

  private double[] netWithdrawalKwh() {
    double[] q = new double[m.intervals];
    for (int t = 0; t < m.intervals; t++) {
      q[t] = m.kw(lp.gridImport[t].solutionValue() - lp.gridExport[t].solutionValue()) * m.hours;
    }
    return q;
  }

  @Override
  public void close() {
    solver.delete();
  }
}
