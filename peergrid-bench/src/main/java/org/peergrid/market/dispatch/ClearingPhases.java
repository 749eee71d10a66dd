package org.peergrid.market.dispatch;

import com.google.ortools.linearsolver.MPSolver;
import org.peergrid.market.scenario.Scenario;

/**
 * The steps of {@link LinDistFlowDispatch#solve(Scenario)} one by one, timed, for the clearing
 * benchmark's profile. It lives in the bench module but in the dispatch package because the LP
 * classes are package-private on purpose (they are not API); this keeps the profile out of the
 * market module's public surface. It must do exactly what {@code solve} does on the OPTIMAL path:
 * the harness checks that both give the same objective.
 */
public final class ClearingPhases {
  private ClearingPhases() {}

  /**
   * Wall times of one clearing [ns] and its result.
   *
   * @param buildNanos scenario to arrays ({@code DispatchModel}), fixed reactive flows, LP rows and columns
   * @param solveNanos GLOP's simplex
   * @param readNanos solution values and duals back to kW and prices, with the DLMP split
   */
  public record Timed(long buildNanos, long solveNanos, long readNanos, DispatchSolution solution) {}

  /** Builds, solves and reads the LP of the scenario; fails unless the day is OPTIMAL. */
  public static Timed clear(Scenario scenario) {
    long start = System.nanoTime();
    DispatchModel model = DispatchModel.of(scenario);
    double[][] q = model.reactiveFlows();
    if (ReactiveOverload.find(model, q).isPresent()) {
      throw new IllegalStateException("a branch's reactive flow exceeds its rating");
    }
    MPSolver solver = Glop.create("bench");
    if (solver == null) {
      throw new IllegalStateException(Glop.problem());
    }
    try {
      LinDistFlowLp lp = new LinDistFlowLp(model, solver, q, true, true);
      long built = System.nanoTime();
      MPSolver.ResultStatus status = solver.solve();
      long solved = System.nanoTime();
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        throw new IllegalStateException("GLOP ended with " + status + " on " + scenario.name());
      }
      DispatchSolution solution = SolutionReader.read(lp);
      long read = System.nanoTime();
      return new Timed(built - start, solved - built, read - solved, solution);
    } finally {
      solver.delete();
    }
  }

  /** Rows and columns of the scenario's LP, for the report. */
  public static long[] size(Scenario scenario) {
    DispatchModel model = DispatchModel.of(scenario);
    MPSolver solver = Glop.create("size");
    try {
      new LinDistFlowLp(model, solver, model.reactiveFlows(), true, true);
      return new long[] {solver.numConstraints(), solver.numVariables()};
    } finally {
      solver.delete();
    }
  }
}
