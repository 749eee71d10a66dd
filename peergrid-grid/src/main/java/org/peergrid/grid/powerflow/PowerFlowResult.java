package org.peergrid.grid.powerflow;

import org.peergrid.grid.model.Branch;
import org.peergrid.grid.radial.RadialNetwork;

/**
 * The outcome of a power flow, in engineering units. Bus quantities are indexed by the network's
 * internal index ({@link RadialNetwork#busNumber(int)} gives the bus number); branch quantities by
 * the index of the bus that the branch feeds (1..n-1), with from/to as in the source case.
 */
public final class PowerFlowResult {
  private final RadialNetwork network;
  private final PowerFlowStatus status;
  private final int iterations;
  private final double lastVoltageChangePu;
  private final double[] vmPu;
  private final double[] vaDeg;
  private final double[] pFromKw;
  private final double[] qFromKvar;
  private final double[] pToKw;
  private final double[] qToKvar;
  private final double[] lossKw;
  private final double[] lossKvar;
  private final double sourceKw;
  private final double sourceKvar;
  private final double lossesKw;
  private final double lossesKvar;
  private final long solveNanos;

  private PowerFlowResult(RadialNetwork network, PowerFlowStatus status, int iterations, double change, int n,
      long solveNanos) {
    this.network = network;
    this.status = status;
    this.iterations = iterations;
    this.lastVoltageChangePu = change;
    this.solveNanos = solveNanos;
    vmPu = new double[n];
    vaDeg = new double[n];
    pFromKw = new double[n];
    qFromKvar = new double[n];
    pToKw = new double[n];
    qToKvar = new double[n];
    lossKw = new double[n];
    lossKvar = new double[n];
    sourceKw = 0;
    sourceKvar = 0;
    lossesKw = 0;
    lossesKvar = 0;
  }

  private PowerFlowResult(PowerFlowResult r, double sourceKw, double sourceKvar, double lossesKw, double lossesKvar) {
    network = r.network;
    status = r.status;
    iterations = r.iterations;
    lastVoltageChangePu = r.lastVoltageChangePu;
    solveNanos = r.solveNanos;
    vmPu = r.vmPu;
    vaDeg = r.vaDeg;
    pFromKw = r.pFromKw;
    qFromKvar = r.qFromKvar;
    pToKw = r.pToKw;
    qToKvar = r.qToKvar;
    lossKw = r.lossKw;
    lossKvar = r.lossKvar;
    this.sourceKw = sourceKw;
    this.sourceKvar = sourceKvar;
    this.lossesKw = lossesKw;
    this.lossesKvar = lossesKvar;
  }

  static PowerFlowResult of(RadialNetwork net, PowerFlowStatus status, int iterations, double change,
      double[] vRe, double[] vIm, double[] jRe, double[] jIm, long nanos) {
    int n = net.busCount();
    double base = net.baseKva();
    PowerFlowResult r = new PowerFlowResult(net, status, iterations, change, n, nanos);
    for (int k = 0; k < n; k++) {
      r.vmPu[k] = Math.hypot(vRe[k], vIm[k]);
      r.vaDeg[k] = Math.toDegrees(Math.atan2(vIm[k], vRe[k]));
    }
    double totalP = 0;
    double totalQ = 0;
    for (int k = 1; k < n; k++) {
      int p = net.parent(k);
      double jr = jRe[k];
      double ji = jIm[k];
      double mr = net.ratioRe(k);
      double mi = net.ratioIm(k);
      // Current from the parent into the branch: conj(m) J + j b_parent V_parent.
      double cp = net.parentChargingPu(k);
      double ipr = mr * jr + mi * ji - cp * vIm[p];
      double ipi = mr * ji - mi * jr + cp * vRe[p];
      double spr = vRe[p] * ipr + vIm[p] * ipi; // V conj(I)
      double spi = vIm[p] * ipr - vRe[p] * ipi;
      // Current from the child into the branch: -(J - j b_child V_child).
      double cc = net.childChargingPu(k);
      double icr = -(jr + cc * vIm[k]);
      double ici = -(ji - cc * vRe[k]);
      double scr = vRe[k] * icr + vIm[k] * ici;
      double sci = vIm[k] * icr - vRe[k] * ici;
      // Series losses |J|^2 z (MATPOWER's get_losses), z seen from the parent side.
      double j2 = jr * jr + ji * ji;
      r.lossKw[k] = j2 * net.seriesR(k) * base;
      r.lossKvar[k] = j2 * net.seriesX(k) * base;
      totalP += r.lossKw[k];
      totalQ += r.lossKvar[k];
      if (net.parentIsFrom(k)) {
        r.pFromKw[k] = spr * base;
        r.qFromKvar[k] = spi * base;
        r.pToKw[k] = scr * base;
        r.qToKvar[k] = sci * base;
      } else {
        r.pFromKw[k] = scr * base;
        r.qFromKvar[k] = sci * base;
        r.pToKw[k] = spr * base;
        r.qToKvar[k] = spi * base;
      }
    }
    // What the source delivers: V_0 conj(J_0).
    double s0r = (vRe[0] * jRe[0] + vIm[0] * jIm[0]) * base;
    double s0i = (vIm[0] * jRe[0] - vRe[0] * jIm[0]) * base;
    return new PowerFlowResult(r, s0r, s0i, totalP, totalQ);
  }

  public RadialNetwork network() {
    return network;
  }

  public PowerFlowStatus status() {
    return status;
  }

  public boolean converged() {
    return status == PowerFlowStatus.CONVERGED;
  }

  public int iterations() {
    return iterations;
  }

  /** The largest voltage change of the last iteration [p.u.]. */
  public double lastVoltageChangePu() {
    return lastVoltageChangePu;
  }

  public int busCount() {
    return vmPu.length;
  }

  public int busNumber(int k) {
    return network.busNumber(k);
  }

  public double voltageMagnitudePu(int k) {
    return vmPu[k];
  }

  public double voltageAngleDeg(int k) {
    return vaDeg[k];
  }

  /** Internal index of the bus with the lowest voltage (the first such bus in bus order on ties). */
  public int minVoltageIndex() {
    return extremeIndex(true);
  }

  public int maxVoltageIndex() {
    return extremeIndex(false);
  }

  private int extremeIndex(boolean min) {
    int best = 0;
    for (int k = 1; k < vmPu.length; k++) {
      double v = vmPu[k];
      double b = vmPu[best];
      boolean better = min ? v < b : v > b;
      boolean tieEarlier = v == b && network.busNumber(k) < network.busNumber(best);
      if (better || tieEarlier) {
        best = k;
      }
    }
    return best;
  }

  /** The branch that feeds bus k (k ≥ 1). */
  public Branch branch(int k) {
    return network.branchInto(k);
  }

  /** Active power into the branch feeding k at its from end [kW]. */
  public double pFromKw(int k) {
    return pFromKw[k];
  }

  public double qFromKvar(int k) {
    return qFromKvar[k];
  }

  /** Active power into the branch feeding k at its to end [kW] (negative where power leaves). */
  public double pToKw(int k) {
    return pToKw[k];
  }

  public double qToKvar(int k) {
    return qToKvar[k];
  }

  /** Apparent power at the end nearer the source (the sending end) [kVA]. */
  public double sendingEndKva(int k) {
    return network.parentIsFrom(k) ? Math.hypot(pFromKw[k], qFromKvar[k]) : Math.hypot(pToKw[k], qToKvar[k]);
  }

  /** Series active loss of the branch feeding k [kW]. */
  public double lossKw(int k) {
    return lossKw[k];
  }

  public double lossKvar(int k) {
    return lossKvar[k];
  }

  /** Total series active losses [kW]. */
  public double lossesKw() {
    return lossesKw;
  }

  /** Total series reactive losses [kvar]. */
  public double lossesKvar() {
    return lossesKvar;
  }

  /** Active power delivered by the source at the root [kW]. */
  public double sourceKw() {
    return sourceKw;
  }

  public double sourceKvar() {
    return sourceKvar;
  }

  /** Wall time of the solve itself, without building the result [ns]. */
  public long solveNanos() {
    return solveNanos;
  }
}
