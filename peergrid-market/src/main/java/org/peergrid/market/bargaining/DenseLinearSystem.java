package org.peergrid.market.bargaining;

/** Gaussian elimination with partial pivoting for small dense systems (n up to a few hundred). */
final class DenseLinearSystem {
  private DenseLinearSystem() {}

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
