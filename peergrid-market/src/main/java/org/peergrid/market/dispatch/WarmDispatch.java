package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import java.util.Optional;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The LPs of {@link LinDistFlowDispatch}, kept alive between solves so that a day of the same
 * structure (another Monte Carlo sample, PEM point or AC-correction iteration) is a re-solve rather
 * than a new model: the LP is built once per {@link Shape}, and each solve only sets its bounds,
 * right-hand sides and objective coefficients ({@link LinDistFlowLp#setNumbers}) and lets GLOP
 * start from the previous optimal basis. GLOP keeps that basis only when the matrix is unchanged
 * and presolve is off (presolve rewrites the problem and forgets the basis), and it is the dual
 * simplex that repairs a basis which stays dual feasible when bounds and right-hand sides move:
 * {@link RollingDispatch#WARM_DUAL_SIMPLEX}. A day of another shape rebuilds the LP (counted in
 * {@link #builds()}).
 *
 * <p>Same optimum as a cold solve, but not always the same vertex: where the LP is degenerate
 * (tied schedules, or a price anywhere between the tariffs when nothing crosses the root) the
 * two may pick different optimal schedules or duals. A solve that does not end optimal is done
 * again cold, so that the status and diagnosis are exactly those of {@link LinDistFlowDispatch}.
 *
 * <p>Not thread-safe: one per thread ({@link WarmSolvers}). {@link #close()} frees the native solver.
 */
public final class WarmDispatch implements AutoCloseable {
  private MPSolver solver;
  private LinDistFlowLp lp;
  private int builds;
  private int solves;
  private long lastIterations;

  /** The same as {@link LinDistFlowDispatch#solve(Scenario)}, re-solved warm. */
  public DispatchResult solve(Scenario scenario) {
    return solve(DispatchModel.of(scenario), "feeder " + scenario.network().radial().feeder().name(), true,
        LinDistFlowDispatch.COMMUNITY_DAY);
  }

  /** The same as {@link LinDistFlowDispatch#solve(Scenario, LimitTightening)}, re-solved warm. */
  public DispatchResult solve(Scenario scenario, LimitTightening tightening) {
    return solve(DispatchModel.of(scenario).tightenedBy(tightening),
        "feeder " + scenario.network().radial().feeder().name(), true,
        LinDistFlowDispatch.COMMUNITY_DAY);
  }

  /**
   * The same as {@link LinDistFlowDispatch#solveAlone}, re-solved warm (a building without storage
   * in closed form, as there: no LP to start warm).
   */
  public DispatchResult solveAlone(Scenario scenario, Participant participant) {
    if (AloneWithoutStorage.applies(scenario, participant)) {
      return AloneWithoutStorage.solve(scenario, (Building) participant);
    }
    return solve(DispatchModel.copperPlate(scenario, participant), participant.id() + " alone", true, "");
  }

  /** The same as {@link LinDistFlowDispatch#solveWithCharges}, re-solved warm. */
  public DispatchResult solveWithCharges(Scenario scenario, double[][] chargePerKwh) {
    return solve(DispatchModel.withInjectionCharges(scenario, chargePerKwh), "the P2P market with network charges",
        false, "");
  }

  /** {@code coldParameters}: GLOP's parameters of the same LP in {@link LinDistFlowDispatch}, for the cold retry. */
  private DispatchResult solve(DispatchModel m, String what, boolean networkLimits, String coldParameters) {
    long start = System.nanoTime();
    double[][] q = m.reactiveFlows();
    Optional<String> reactive = networkLimits ? ReactiveOverload.find(m, q) : Optional.empty();
    if (reactive.isPresent()) {
      return new DispatchResult(DispatchStatus.INFEASIBLE, reactive.get(), Optional.empty(),
          LinDistFlowDispatch.millis(start));
    }
    if (solver == null) {
      solver = Glop.create("warm dispatch");
      if (solver == null) {
        return new DispatchResult(DispatchStatus.SOLVER_FAILED, Glop.problem(), Optional.empty(),
            LinDistFlowDispatch.millis(start));
      }
      if (!solver.setSolverSpecificParametersAsString(RollingDispatch.WARM_DUAL_SIMPLEX)) {
        throw new IllegalStateException("GLOP refused the parameters \"" + RollingDispatch.WARM_DUAL_SIMPLEX + "\"");
      }
    }
    if (lp != null && lp.shape.equals(Shape.of(m))) {
      lp.setNumbers(m, q, networkLimits, networkLimits);
    } else {
      solver.clear();
      lp = new LinDistFlowLp(m, solver, q, networkLimits, networkLimits);
      builds++;
    }
    solves++;
    MPSolver.ResultStatus status = solver.solve();
    lastIterations = solver.iterations();
    if (status == MPSolver.ResultStatus.OPTIMAL) {
      return new DispatchResult(DispatchStatus.OPTIMAL, "optimal schedule of " + what,
          Optional.of(SolutionReader.read(lp)), LinDistFlowDispatch.millis(start));
    }
    // Rare (an infeasible day, or GLOP giving up without presolve): the cold path decides and diagnoses.
    // The LP is rebuilt next time, since the failed solve may have left a basis not worth starting from.
    lp = null;
    return LinDistFlowDispatch.solve(m, what, networkLimits, coldParameters);
  }

  /** How many times an LP was built: 1 when every solve had the same shape. */
  public int builds() {
    return builds;
  }

  /** How many solves were asked for. */
  public int solves() {
    return solves;
  }

  /** GLOP's simplex iterations in the last solve: the evidence that a re-solve started warm. */
  public long lastIterations() {
    return lastIterations;
  }

  @Override
  public void close() {
    if (solver != null) {
      solver.delete();
      solver = null;
      lp = null;
    }
  }
}
