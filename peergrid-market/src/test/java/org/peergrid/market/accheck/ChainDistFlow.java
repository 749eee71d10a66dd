package org.peergrid.market.accheck;

/**
 * An independent AC oracle for a chain feeder 0-1-...-n: the exact branch-flow (DistFlow) equations
 * of Baran and Wu (1989), in powers and squared voltages rather than the sweep's currents, solved by
 * plain fixed-point iteration. Everything in p.u.; index k is the bus fed by branch k (k ≥ 1).
 */
final class ChainDistFlow {
  final double[] v;
  /** Sending-end active and reactive power of the branch into k. */
  final double[] p;
  final double[] q;
  final double losses;

  ChainDistFlow(double v0, double[] r, double[] x, double[] loadP, double[] loadQ) {
    int n = r.length;
    v = new double[n];
    p = new double[n];
    q = new double[n];
    double[] ell = new double[n];
    double[] vv = new double[n];
    for (int iteration = 0; iteration < 500; iteration++) {
      for (int k = n - 1; k >= 1; k--) {
        double downP = k + 1 < n ? p[k + 1] : 0;
        double downQ = k + 1 < n ? q[k + 1] : 0;
        p[k] = loadP[k] + downP + r[k] * ell[k];
        q[k] = loadQ[k] + downQ + x[k] * ell[k];
      }
      vv[0] = v0 * v0;
      for (int k = 1; k < n; k++) {
        ell[k] = (p[k] * p[k] + q[k] * q[k]) / vv[k - 1];
        vv[k] = vv[k - 1] - 2 * (r[k] * p[k] + x[k] * q[k]) + (r[k] * r[k] + x[k] * x[k]) * ell[k];
      }
    }
    double loss = 0;
    for (int k = 0; k < n; k++) {
      v[k] = Math.sqrt(vv[k]);
      loss += k > 0 ? r[k] * ell[k] : 0;
    }
    losses = loss;
  }

  /** Sending-end apparent power of the branch into k. */
  double sendingS(int k) {
    return Math.hypot(p[k], q[k]);
  }
}
