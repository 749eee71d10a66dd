package org.peergrid.market.bargaining;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polishes an interior-point solution: guesses the active rows (dual larger than slack, i.e. the
 * strict-complementarity side of the central path), solves the KKT system of the problem with
 * those rows as equalities by Newton's method, and accepts the result only if it is primal and
 * dual feasible. This recovers the exact vertex-face solution that the barrier method approaches
 * at rate O(1/τ) (the same idea as the solution polishing of OSQP, Stellato et al., 2020).
 */
final class ActiveSetPolish {
  private static final int MAX_STEPS = 30;
  private static final double FEASIBILITY = 1e-12;

  private ActiveSetPolish() {}

  /** Primal y, row duals (0 for inactive rows) and the equality dual. */
  record Polished(double[] y, double[] rowDuals, double equalityDual) {}

  static Optional<Polished> polish(LogBarrierMethod.Objective f, List<LogBarrierMethod.Row> rows,
      double[] a, double b, LogBarrierMethod.Outcome barrier) {
    double[] y = barrier.z().clone();
    int n = y.length;
    List<Integer> active = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      if (barrier.rowDuals()[r] > rows.get(r).slack(y)) {
        active.add(r);
      }
    }
    int k = active.size();
    double[] sol = null;
    for (int step = 0; step < MAX_STEPS; step++) {
      double[][] m = new double[n + k + 1][n + k + 1];
      double[] rhs = new double[n + k + 1];
      for (int i = 0; i < n; i++) {
        m[i][i] = f.hessian(y, i);
        m[i][n + k] = a[i];
        m[n + k][i] = a[i];
        rhs[i] = -f.gradient(y, i);
        rhs[n + k] -= a[i] * y[i];
      }
      rhs[n + k] += b;
      for (int j = 0; j < k; j++) {
        LogBarrierMethod.Row row = rows.get(active.get(j));
        for (int q = 0; q < row.index().length; q++) {
          m[row.index()[q]][n + j] = row.coef()[q];
          m[n + j][row.index()[q]] = row.coef()[q];
        }
        rhs[n + j] = row.slack(y);
      }
      sol = DenseLinearSystem.solveEquilibrated(m, rhs);
      if (sol == null) {
        return Optional.empty();
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        y[i] += sol[i];
        change = Math.max(change, Math.abs(sol[i]));
      }
      if (!f.inDomain(y)) {
        return Optional.empty();
      }
      if (change <= 1e-15) {
        break;
      }
    }
    double[] duals = new double[rows.size()];
    for (int j = 0; j < k; j++) {
      duals[active.get(j)] = sol[n + j];
      if (sol[n + j] < 0) {
        return Optional.empty();
      }
    }
    for (LogBarrierMethod.Row row : rows) {
      if (row.slack(y) < -FEASIBILITY) {
        return Optional.empty();
      }
    }
    return Optional.of(new Polished(y, duals, sol[n + k]));
  }
}
