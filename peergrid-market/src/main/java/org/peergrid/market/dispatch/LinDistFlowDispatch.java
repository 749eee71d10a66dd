package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import java.util.Optional;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The centralised day-ahead schedule of MODEL.md §2: one LP over all intervals with LinDistFlow
 * network constraints, solved with GLOP; DLMPs from the duals of the bus balance rows.
 *
 * <p>When the LP is infeasible it is solved again without voltage limits, without thermal limits,
 * and without both, to say which limits make the day impossible.
 */
public final class LinDistFlowDispatch {
  private LinDistFlowDispatch() {}

  /** Schedules the whole community on the feeder. */
  public static DispatchResult solve(Scenario scenario) {
    return solve(DispatchModel.of(scenario), "feeder " + scenario.network().radial().feeder().name(), true,
        COMMUNITY_DAY);
  }

  /**
   * Schedules the whole community with the network limits tightened per interval and bus (the
   * AC-corrected clearing of {@code accheck.AcCorrection}).
   */
  public static DispatchResult solve(Scenario scenario, LimitTightening tightening) {
    return solve(DispatchModel.of(scenario).tightenedBy(tightening),
        "feeder " + scenario.network().radial().feeder().name(), true, COMMUNITY_DAY);
  }

  /**
   * The peers' own market for network utilization charges (docs/nuc-ev.md): the community's LP
   * with a price on each participant's net injection [i][t] (money/kWh) and without network
   * limits, because keeping the feeder within them is the charges' job, checked in AC afterwards.
   * The objective then includes the charges; the schedule is what matters.
   */
  public static DispatchResult solveWithCharges(Scenario scenario, double[][] chargePerKwh) {
    return solve(DispatchModel.withInjectionCharges(scenario, chargePerKwh), "the P2P market with network charges",
        false, "");
  }

  /**
   * Schedules one building (or EV) alone at the tariffs, without a network (the base case of
   * MODEL.md §3): in closed form for a building without storage ({@link AloneWithoutStorage}),
   * otherwise an LP.
   */
  public static DispatchResult solveAlone(Scenario scenario, Participant participant) {
    if (AloneWithoutStorage.applies(scenario, participant)) {
      return AloneWithoutStorage.solve(scenario, (Building) participant);
    }
    return solveAloneLp(scenario, participant);
  }

  /** {@link #solveAlone} always as an LP (the reference that the closed form is tested against). */
  static DispatchResult solveAloneLp(Scenario scenario, Participant participant) {
    return solve(DispatchModel.copperPlate(scenario, participant), participant.id() + " alone");
  }

  /**
   * Schedules the rest of a day in real time (docs/realtime.md): the same LP over the intervals of
   * {@code rest}, whose grid variables are deviations from the day-ahead position and whose batteries
   * must still reach the day's end-of-day targets.
   */
  public static DispatchResult solveRest(Scenario rest, RestOfDay terms) {
    return solve(DispatchModel.restOfDay(rest, terms), "the rest of the day from real time", terms.networkLimits(),
        DUAL_SIMPLEX);
  }

  /**
   * GLOP's dual simplex: 9 times faster than its default primal on a 300-building 96-interval day
   * (0.67 s against 6.1 s, docs/realtime.md), which real time needs once per interval.
   */
  static final String DUAL_SIMPLEX = "use_dual_simplex: true";

  /**
   * How GLOP solves the community's day, with or without tightened limits: the dual simplex, 2.5 times
   * faster than the default primal on a 1,000-building AC-corrected day (its two solves 1.54 s against
   * 0.63 s of CPU, docs/benchmarks.md, "After oneshot3").
   * One setting for both entry points, because the AC correction's first solve (no tightening) and a
   * plain solve must stop at the same optimal vertex: where the LP is degenerate the primal and the
   * dual pick different tied schedules (same cost and DLMPs), and real time's fresh day ahead
   * ({@link #solve(Scenario)}) is compared with {@code clear}'s folder (AC-corrected path).
   */
  static final String COMMUNITY_DAY = DUAL_SIMPLEX;

  static DispatchResult solve(DispatchModel m, String what) {
    return solve(m, what, true, "");
  }

  static DispatchResult solve(DispatchModel m, String what, boolean networkLimits, String glopParameters) {
    long start = System.nanoTime();
    double[][] q = m.reactiveFlows();
    Optional<String> reactive = networkLimits ? ReactiveOverload.find(m, q) : Optional.empty();
    if (reactive.isPresent()) {
      return new DispatchResult(DispatchStatus.INFEASIBLE, reactive.get(), Optional.empty(), millis(start));
    }
    MPSolver solver = Glop.create("dispatch");
    if (solver == null) {
      return new DispatchResult(DispatchStatus.SOLVER_FAILED, Glop.problem(), Optional.empty(), millis(start));
    }
    try {
      if (!solver.setSolverSpecificParametersAsString(glopParameters)) {
        throw new IllegalStateException("GLOP refused the parameters \"" + glopParameters + "\"");
      }
      LinDistFlowLp lp = new LinDistFlowLp(m, solver, q, networkLimits, networkLimits);
      MPSolver.ResultStatus status = solver.solve();
      if (status == MPSolver.ResultStatus.OPTIMAL) {
        DispatchSolution solution = SolutionReader.read(lp);
        return new DispatchResult(DispatchStatus.OPTIMAL, "optimal schedule of " + what, Optional.of(solution),
            millis(start));
      }
      if (status == MPSolver.ResultStatus.INFEASIBLE && networkLimits) {
        return new DispatchResult(DispatchStatus.INFEASIBLE, diagnose(m, q, what), Optional.empty(), millis(start));
      }
      return new DispatchResult(DispatchStatus.SOLVER_FAILED, "GLOP stopped with status " + status + " on " + what,
          Optional.empty(), millis(start));
    } finally {
      solver.delete();
    }
  }

  private static String diagnose(DispatchModel m, double[][] q, String what) {
    String prefix = "no schedule of " + what + " serves every load within the limits: ";
    if (feasible(m, q, false, true)) {
      return prefix + "the voltage limits [" + Math.sqrt(m.vminSquared) + ", " + Math.sqrt(m.vmaxSquared)
          + "] p.u. cannot be met; widen them or add local generation, storage or curtailable renewables";
    }
    if (feasible(m, q, true, false)) {
      return prefix + "the branch thermal limits cannot be met; raise them or add local supply";
    }
    if (feasible(m, q, false, false)) {
      return prefix + "voltage and thermal limits together cannot be met; relax either";
    }
    return prefix + "even without network limits the participants' own constraints conflict (shiftable energy "
        + "beyond its window's capacity, a battery that cannot end the day at its initial charge, or a generator "
        + "minimum with nowhere to go)";
  }

  private static boolean feasible(DispatchModel m, double[][] q, boolean voltage, boolean thermal) {
    MPSolver solver = Glop.create("diagnosis");
    try {
      new LinDistFlowLp(m, solver, q, voltage, thermal);
      MPSolver.ResultStatus status = solver.solve();
      return status == MPSolver.ResultStatus.OPTIMAL;
    } finally {
      solver.delete();
    }
  }

  static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
