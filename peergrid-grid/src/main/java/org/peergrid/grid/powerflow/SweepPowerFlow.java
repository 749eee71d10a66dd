package org.peergrid.grid.powerflow;

import org.peergrid.grid.radial.RadialNetwork;

/**
 * AC power flow of a radial feeder by backward/forward sweep (current summation), with constant
 * power loads, constant admittance shunts, line charging and off-nominal transformers.
 *
 * <p>Each iteration sums the load currents at the present voltages from the leaves to the root
 * (backward), then updates voltages from the root down (forward) with V_k = m_k·V_parent − z_k·J_k;
 * it stops when no voltage moves by more than the tolerance. The method is the classic one of
 * D. Shirmohammadi et al., "A compensation-based power flow method for weakly meshed distribution
 * and transmission networks", IEEE Trans. Power Systems 3(2), 1988, doi:10.1109/59.192932, without
 * the compensation (the network is a tree). Cost per iteration is O(n) with no matrix at all.
 *
 * <p>An instance keeps its work arrays and is not thread-safe; use one per thread.
 */
public final class SweepPowerFlow {
  private final RadialNetwork net;
  private final PowerFlowParameters params;
  private final int n;
  private final int[] parent;
  private final double[] mRe;
  private final double[] mIm;
  private final double[] zRe;
  private final double[] zIm;
  private final double[] shuntG;
  private final double[] shuntBTotal;
  private final double[] baseLoadP;
  private final double[] baseLoadQ;
  private final double v0Re;
  private final double v0Im;
  // work arrays
  private final double[] vRe;
  private final double[] vIm;
  private final double[] jRe;
  private final double[] jIm;
  private final double[] pLoad;
  private final double[] qLoad;

  public SweepPowerFlow(RadialNetwork network) {
    this(network, PowerFlowParameters.DEFAULT);
  }

  public SweepPowerFlow(RadialNetwork network, PowerFlowParameters params) {
    this(network, params, network.rootVoltagePu());
  }

  /**
   * A power flow whose root voltage magnitude is set by the caller rather than by the case's
   * generator setpoint: a market scenario states its own V_0, and the AC check of a schedule must
   * hold the root where the schedule's LP held it. The root's angle stays the case's.
   *
   * @param rootVoltagePu |V_0| [p.u.]
   */
  public SweepPowerFlow(RadialNetwork network, PowerFlowParameters params, double rootVoltagePu) {
    if (!(rootVoltagePu > 0) || Double.isInfinite(rootVoltagePu)) {
      throw new IllegalArgumentException("root voltage must be a positive number of p.u., got " + rootVoltagePu);
    }
    this.net = network;
    this.params = params;
    n = network.busCount();
    parent = new int[n];
    mRe = new double[n];
    mIm = new double[n];
    zRe = new double[n];
    zIm = new double[n];
    shuntG = new double[n];
    shuntBTotal = new double[n];
    baseLoadP = new double[n];
    baseLoadQ = new double[n];
    for (int k = 0; k < n; k++) {
      parent[k] = network.parent(k);
      mRe[k] = network.ratioRe(k);
      mIm[k] = network.ratioIm(k);
      zRe[k] = network.seriesR(k);
      zIm[k] = network.seriesX(k);
      shuntG[k] = network.shuntGPu(k);
      shuntBTotal[k] += network.shuntBPu(k);
      baseLoadP[k] = network.loadPPu(k);
      baseLoadQ[k] = network.loadQPu(k);
      if (k > 0) {
        // Line charging is a constant admittance at both ends of the branch.
        shuntBTotal[k] += network.childChargingPu(k);
        shuntBTotal[parent[k]] += network.parentChargingPu(k);
      }
    }
    v0Re = rootVoltagePu * Math.cos(network.rootAngleRad());
    v0Im = rootVoltagePu * Math.sin(network.rootAngleRad());
    vRe = new double[n];
    vIm = new double[n];
    jRe = new double[n];
    jIm = new double[n];
    pLoad = new double[n];
    qLoad = new double[n];
  }

  public RadialNetwork network() {
    return net;
  }

  /** The power flow with the case's own loads and fixed generation. */
  public PowerFlowResult solve() {
    System.arraycopy(baseLoadP, 0, pLoad, 0, n);
    System.arraycopy(baseLoadQ, 0, qLoad, 0, n);
    return run();
  }

  /**
   * The power flow with other bus loads, for example a market schedule of one interval.
   *
   * @param loadKw net active load at each bus by internal index [kW] (negative for net injection);
   *     these replace the case's loads and fixed generation, see {@link RadialNetwork#loadKw()}
   * @param loadKvar net reactive load at each bus by internal index [kvar]
   */
  public PowerFlowResult solve(double[] loadKw, double[] loadKvar) {
    if (loadKw.length != n || loadKvar.length != n) {
      throw new IllegalArgumentException("expected " + n + " bus loads, got " + loadKw.length + " and " + loadKvar.length);
    }
    double base = net.baseKva();
    for (int k = 0; k < n; k++) {
      pLoad[k] = loadKw[k] / base;
      qLoad[k] = loadKvar[k] / base;
    }
    return run();
  }

  private PowerFlowResult run() {
    long start = System.nanoTime();
    for (int k = 0; k < n; k++) {
      vRe[k] = v0Re;
      vIm[k] = v0Im;
    }
    PowerFlowStatus status = PowerFlowStatus.MAX_ITERATIONS;
    int iterations = 0;
    double change = Double.POSITIVE_INFINITY;
    while (iterations < params.maxIterations()) {
      iterations++;
      backward();
      change = forward();
      if (!(change < 1e3)) { // NaN or exploding
        status = PowerFlowStatus.DIVERGED;
        break;
      }
      if (change < params.tolerancePu()) {
        status = PowerFlowStatus.CONVERGED;
        break;
      }
      if (collapsed()) {
        status = PowerFlowStatus.DIVERGED;
        break;
      }
    }
    // Currents consistent with the final voltages, for flows and losses.
    backward();
    long nanos = System.nanoTime() - start;
    return PowerFlowResult.of(net, status, iterations, change, vRe, vIm, jRe, jIm, nanos);
  }

  /**
   * Load currents at the present voltages, summed from the leaves to the root: afterwards J_k in
   * jRe/jIm is the current that the branch into k delivers to bus k and its subtree (and J_0 what the
   * source delivers). Children have larger indices than their parents, so one reverse pass suffices.
   */
  private void backward() {
    java.util.Arrays.fill(jRe, 0.0);
    java.util.Arrays.fill(jIm, 0.0);
    for (int k = n - 1; k >= 0; k--) {
      double vr = vRe[k];
      double vi = vIm[k];
      double v2 = vr * vr + vi * vi;
      double p = pLoad[k];
      double q = qLoad[k];
      // conj(S / V) = (P - jQ)(Vr + jVi) / |V|^2, plus the shunt current (G + jB) V.
      double jr = jRe[k] + (p * vr + q * vi) / v2 + shuntG[k] * vr - shuntBTotal[k] * vi;
      double ji = jIm[k] + (p * vi - q * vr) / v2 + shuntG[k] * vi + shuntBTotal[k] * vr;
      jRe[k] = jr;
      jIm[k] = ji;
      if (k > 0) {
        // The parent supplies conj(m_k) J_k.
        int par = parent[k];
        jRe[par] += mRe[k] * jr + mIm[k] * ji;
        jIm[par] += mRe[k] * ji - mIm[k] * jr;
      }
    }
  }

  private double forward() {
    double maxChange = 0;
    for (int k = 1; k < n; k++) {
      int p = parent[k];
      double pr = vRe[p];
      double pi = vIm[p];
      double jr = jRe[k];
      double ji = jIm[k];
      double nr = mRe[k] * pr - mIm[k] * pi - (zRe[k] * jr - zIm[k] * ji);
      double ni = mRe[k] * pi + mIm[k] * pr - (zRe[k] * ji + zIm[k] * jr);
      double dr = nr - vRe[k];
      double di = ni - vIm[k];
      double d = dr * dr + di * di;
      if (d > maxChange) {
        maxChange = d;
      }
      vRe[k] = nr;
      vIm[k] = ni;
    }
    return Math.sqrt(maxChange);
  }

  private boolean collapsed() {
    for (int k = 0; k < n; k++) {
      if (vRe[k] * vRe[k] + vIm[k] * vIm[k] < 1e-4) {
        return true;
      }
    }
    return false;
  }
}
