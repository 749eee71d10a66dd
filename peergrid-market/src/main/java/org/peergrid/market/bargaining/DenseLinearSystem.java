package org.peergrid.market.bargaining;

/**
 * Gaussian elimination with partial pivoting for small dense systems (n up to a few hundred),
 * after symmetric equilibration: the barrier Newton systems mix entries of order 1 with entries
 * of order 1/slack², which without scaling cancel catastrophically near the boundary.
 */
final class DenseLinearSystem {
  private DenseLinearSystem() {}

  /**
   * Solves A x = b with A scaled to S A S, S = diag(1/√max_j |A_ij|), which keeps a symmetric A
   * symmetric; A and b are overwritten.
   *
   * @return x, or null when A is numerically singular
   */
  static double[] solveEquilibrated(double[][] a, double[] b) {
    int n = b.length;
    double[] scale = new double[n];
    for (int i = 0; i < n; i++) {
      double max = 0;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, Math.abs(a[i][j]));
      }
      scale[i] = max > 0 ? 1 / Math.sqrt(max) : 1;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] *= scale[i] * scale[j];
      }
      b[i] *= scale[i];
    }
    double[] x = solve(a, b);
    if (x != null) {
      for (int i = 0; i < n; i++) {
        x[i] *= scale[i];
      }
    }
    return x;
  }

  /**
   * Solves A x = b in place (A and b are overwritten).
   *
   * @return x, or null when A is numerically singular
   */
  static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(a[i][k]) > Math.abs(a[p][k])) {
          p = i;
        }
      }
      if (a[p][k] == 0 || !Double.isFinite(a[p][k])) {
        return null;
      }
      double[] row = a[p];
      a[p] = a[k];
      a[k] = row;
      double t = b[p];
      b[p] = b[k];
      b[k] = t;
      for (int i = k + 1; i < n; i++) {
        double f = a[i][k] / a[k][k];
        if (f != 0) {
          for (int j = k; j < n; j++) {
            a[i][j] -= f * a[k][j];
          }
          b[i] -= f * b[k];
        }
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= a[i][j] * x[j];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
