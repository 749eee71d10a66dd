package org.peergrid.market.bargaining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Phase I of the barrier method (Boyd &amp; Vandenberghe §11.4.1) on the scaled gains y:
 * maximise t s.t. g_r·y + t ≤ h_r, Σ y = 1, t ≤ 1, and either y_i ≥ t (strictly individually
 * rational start) or y_i ≥ −{@link CoreNashSolver#GAIN_FLOOR}. Stops as soon as t &gt; 0 or
 * the duality gap proves t* &lt; −{@link CoreNashSolver#FEASIBILITY_TOLERANCE}.
 */
final class PhaseOne {
  private PhaseOne() {}

  static LogBarrierMethod.Outcome maximiseMargin(
      int n, List<LogBarrierMethod.Row> rows, boolean individuallyRational, int maxIterations) {
    double[] y0 = new double[n + 1];
    Arrays.fill(y0, 0, n, 1.0 / n);
    double margin = individuallyRational ? 1.0 / n : 1;
    List<LogBarrierMethod.Row> lifted = new ArrayList<>();
    for (LogBarrierMethod.Row r : rows) {
      margin = Math.min(margin, r.slack(y0));
      int[] index = Arrays.copyOf(r.index(), r.index().length + 1);
      double[] coef = Arrays.copyOf(r.coef(), r.coef().length + 1);
      index[index.length - 1] = n;
      coef[coef.length - 1] = 1;
      lifted.add(new LogBarrierMethod.Row(index, coef, r.rhs()));
    }
    for (int i = 0; i < n; i++) {
      lifted.add(individuallyRational
          ? new LogBarrierMethod.Row(new int[] {i, n}, new double[] {-1, 1}, 0)
          : new LogBarrierMethod.Row(new int[] {i}, new double[] {-1}, CoreNashSolver.GAIN_FLOOR));
    }
    lifted.add(new LogBarrierMethod.Row(new int[] {n}, new double[] {1}, 1));
    y0[n] = Math.min(margin, 1) - 1;
    double[] a = new double[n + 1];
    Arrays.fill(a, 0, n, 1);
    double tol = CoreNashSolver.FEASIBILITY_TOLERANCE;
    return new LogBarrierMethod(lifted, a, 1, tol, maxIterations).minimise(new MinusMargin(n), y0, 1,
        (z, gap) -> z[n] > 0 || z[n] + gap < -CoreNashSolver.FEASIBILITY_TOLERANCE);
  }

  /** f(y, t) = −t. */
  private record MinusMargin(int n) implements LogBarrierMethod.Objective {
    @Override
    public boolean inDomain(double[] z) {
      return true;
    }

    @Override
    public double value(double[] z) {
      return -z[n];
    }

    @Override
    public double gradient(double[] z, int i) {
      return i == n ? -1 : 0;
    }

    @Override
    public double hessian(double[] z, int i) {
      return 0;
    }
  }
}
