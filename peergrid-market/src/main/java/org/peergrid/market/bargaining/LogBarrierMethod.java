package org.peergrid.market.bargaining;

import java.util.List;

/**
 * The barrier method of Boyd &amp; Vandenberghe, <i>Convex Optimization</i> (2004), §11.3, for
 * min f(z) s.t. g_r·z ≤ h_r (r = 1..m), a·z = b, with f separable, convex and self-concordant
 * (linear, or −Σ w_i ln z_i). Each outer step minimises τ·f(z) − Σ_r ln(h_r − g_r·z) by
 * feasible-start Newton with backtracking (§10.2), then multiplies τ by {@link #MU}; it stops when
 * the duality gap m/τ is below the tolerance. The start must be strictly feasible and satisfy the
 * equality (each Newton step also corrects rounding drift from it). Dual estimates: z_r = 1/(τ·s_r) for the rows and ν/τ for the equality (§11.2.2).
 */
final class LogBarrierMethod {
  static final double MU = 20;
  private static final double NEWTON_DECREMENT_TOL = 1e-10;
  private static final double ARMIJO = 0.01;
  private static final double BACKTRACK = 0.5;

  /** A separable convex objective; {@link #inDomain} guards the logarithms. */
  interface Objective {
    boolean inDomain(double[] z);

    double value(double[] z);

    double gradient(double[] z, int i);

    double hessian(double[] z, int i);
  }

  /** A sparse inequality row g·z ≤ h. */
  record Row(int[] index, double[] coef, double rhs) {
    double slack(double[] z) {
      double s = rhs;
      for (int k = 0; k < index.length; k++) {
        s -= coef[k] * z[index[k]];
      }
      return s;
    }
  }

  /** When to stop before the gap tolerance, checked after each centring. */
  interface EarlyStop {
    boolean test(double[] z, double gap);
  }

  /** The last iterate; converged means centred with gap ≤ tolerance or stopped early. */
  record Outcome(
      double[] z, double[] rowDuals, double equalityDual, int iterations, double gap,
      boolean converged) {}

  private final List<Row> rows;
  private final double[] a;
  private final double b;
  private final double tolerance;
  private final int maxIterations;

  LogBarrierMethod(List<Row> rows, double[] a, double b, double tolerance, int maxIterations) {
    this.rows = rows;
    this.a = a;
    this.b = b;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  Outcome minimise(Objective f, double[] start, double tau0, EarlyStop earlyStop) {
    double[] z = start.clone();
    double tau = tau0;
    int iterations = 0;
    double nu = 0;
    int m = Math.max(rows.size(), 1);
    while (true) {
      boolean centred = false;
      while (iterations < maxIterations && !centred) {
        iterations++;
        double[] step = newtonStep(f, z, tau);
        if (step == null) {
          return outcome(z, tau, nu, iterations, m, false);
        }
        nu = step[z.length];
        double slope = 0;
        double[] grad = gradient(f, z, tau);
        for (int i = 0; i < z.length; i++) {
          slope += grad[i] * step[i];
        }
        if (-slope / 2 <= NEWTON_DECREMENT_TOL) { // −slope = λ², the squared Newton decrement
          centred = true;
        } else if (!lineSearch(f, z, step, tau, slope)) {
          centred = true; // no further decrease is representable: treat as centred
        }
      }
      if (!centred) {
        return outcome(z, tau, nu, iterations, m, false);
      }
      double gap = m / tau;
      if (gap <= tolerance || earlyStop.test(z, gap)) {
        return outcome(z, tau, nu, iterations, m, true);
      }
      tau *= MU;
    }
  }

  private Outcome outcome(double[] z, double tau, double nu, int it, int m, boolean converged) {
    double[] duals = new double[rows.size()];
    for (int r = 0; r < duals.length; r++) {
      duals[r] = 1 / (tau * rows.get(r).slack(z));
    }
    return new Outcome(z, duals, nu / tau, it, m / tau, converged);
  }

  private double[] gradient(Objective f, double[] z, double tau) {
    double[] g = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      g[i] = tau * f.gradient(z, i);
    }
    for (Row row : rows) {
      double inv = 1 / row.slack(z);
      for (int k = 0; k < row.index.length; k++) {
        g[row.index[k]] += row.coef[k] * inv;
      }
    }
    return g;
  }

  /**
   * Solves [H a; aᵀ 0][dz; ν] = [−∇; b − a·z] (the right-hand side b − a·z removes rounding drift
   * from the equality, §10.3); returns dz followed by ν, or null if singular.
   */
  private double[] newtonStep(Objective f, double[] z, double tau) {
    int n = z.length;
    double[][] k = new double[n + 1][n + 1];
    double[] rhs = new double[n + 1];
    double[] g = gradient(f, z, tau);
    for (int i = 0; i < n; i++) {
      k[i][i] = tau * f.hessian(z, i);
      k[i][n] = a[i];
      k[n][i] = a[i];
      rhs[i] = -g[i];
      rhs[n] -= a[i] * z[i];
    }
    rhs[n] += b;
    for (Row row : rows) {
      double inv2 = 1 / (row.slack(z) * row.slack(z));
      for (int p = 0; p < row.index.length; p++) {
        for (int q = 0; q < row.index.length; q++) {
          k[row.index[p]][row.index[q]] += row.coef[p] * row.coef[q] * inv2;
        }
      }
    }
    return DenseLinearSystem.solveEquilibrated(k, rhs);
  }

  /** Backtracking (§9.2); false when no step decreases ψ any more (centred to rounding). */
  private boolean lineSearch(Objective f, double[] z, double[] dz, double tau, double slope) {
    double psi = barrierValue(f, z, tau);
    double[] trial = new double[z.length];
    for (double s = 1; s > 1e-20; s *= BACKTRACK) {
      boolean moved = false;
      for (int i = 0; i < z.length; i++) {
        trial[i] = z[i] + s * dz[i];
        moved |= trial[i] != z[i];
      }
      if (!moved) {
        return false;
      }
      if (strictlyFeasible(f, trial)) {
        double psiTrial = barrierValue(f, trial, tau);
        if (psiTrial <= psi + ARMIJO * s * slope) {
          System.arraycopy(trial, 0, z, 0, z.length);
          return psiTrial < psi; // an accepted step without a representable decrease: centred
        }
      }
    }
    return false;
  }

  private boolean strictlyFeasible(Objective f, double[] z) {
    if (!f.inDomain(z)) {
      return false;
    }
    for (Row row : rows) {
      if (!(row.slack(z) > 0)) {
        return false;
      }
    }
    return true;
  }

  private double barrierValue(Objective f, double[] z, double tau) {
    double v = tau * f.value(z);
    for (Row row : rows) {
      v -= Math.log(row.slack(z));
    }
    return v;
  }
}
