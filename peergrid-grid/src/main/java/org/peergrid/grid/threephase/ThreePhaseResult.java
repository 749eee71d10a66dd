package org.peergrid.grid.threephase;

import java.util.Map;

/**
 * The outcome of a three-phase power flow: every node's voltage (phasor to ground, volts, and in per
 * unit of its bus's line-to-neutral base), losses, the source's output, final taps and status.
 */
public final class ThreePhaseResult {
  private final PhaseNetwork net;
  private final double[] vr;
  private final double[] vi;
  private final double[] nodeBase;
  private final double[] busBaseKv;
  private final ThreePhaseStatus status;
  private final int iterations;
  private final int controlIterations;
  private final long solveNanos;
  private final double lossW;
  private final double lossVar;
  private final double sourceW;
  private final double sourceVar;
  private final Map<String, Double> taps;

  ThreePhaseResult(PhaseNetwork net, double[] vr, double[] vi, double[] nodeBase, double[] busBaseKv,
      ThreePhaseStatus status, int iterations, int controlIterations, long solveNanos) {
    this.net = net;
    this.vr = vr;
    this.vi = vi;
    this.nodeBase = nodeBase;
    this.busBaseKv = busBaseKv;
    this.status = status;
    this.iterations = iterations;
    this.controlIterations = controlIterations;
    this.solveNanos = solveNanos;
    double p = 0;
    double q = 0;
    for (PhaseElement e : net.elements()) {
      if (e.kind() == PhaseElement.Kind.CAPACITOR) {
        // OpenDSS's circuit losses leave out capacitors' output (their reference summaries match only so)
        continue;
      }
      double[] s = e.lossVa(vr, vi);
      p += s[0];
      q += s[1];
    }
    lossW = p;
    lossVar = q;
    // the source's output: V conj(I) with I = Ys (E - V) flowing into the network
    double sp = 0;
    double sq = 0;
    CMatrix ys = net.sourceY();
    int[] src = net.sourceNodes();
    for (int i = 0; i < 3; i++) {
      double ir = 0;
      double ii = 0;
      for (int j = 0; j < 3; j++) {
        double dr = net.sourceEmf()[0][j] - vr[src[j]];
        double di = net.sourceEmf()[1][j] - vi[src[j]];
        ir += ys.re(i, j) * dr - ys.im(i, j) * di;
        ii += ys.re(i, j) * di + ys.im(i, j) * dr;
      }
      sp += vr[src[i]] * ir + vi[src[i]] * ii;
      sq += vi[src[i]] * ir - vr[src[i]] * ii;
    }
    sourceW = sp;
    sourceVar = sq;
    taps = ThreePhasePowerFlow.taps(net);
  }

  public PhaseNetwork network() {
    return net;
  }

  public ThreePhaseStatus status() {
    return status;
  }

  public boolean converged() {
    return status == ThreePhaseStatus.CONVERGED;
  }

  /** Current-injection iterations over all power flows of the control loop. */
  public int iterations() {
    return iterations;
  }

  /** Power flows run by the tap-control loop (1 when no tap moved). */
  public int controlIterations() {
    return controlIterations;
  }

  public long solveNanos() {
    return solveNanos;
  }

  public double lossesKw() {
    return lossW / 1000;
  }

  public double lossesKvar() {
    return lossVar / 1000;
  }

  public double sourceKw() {
    return sourceW / 1000;
  }

  public double sourceKvar() {
    return sourceVar / 1000;
  }

  /** Power drawn by all loads (generators count negative) at the solution, kW and kvar: {P, Q}. */
  public double[] loadKwKvar() {
    double p = 0;
    double q = 0;
    double[] cur = new double[2];
    for (LoadElement l : net.loads()) {
      for (int k = 0; k < l.from.length; k++) {
        double ur = (l.from[k] >= 0 ? vr[l.from[k]] : 0) - (l.to[k] >= 0 ? vr[l.to[k]] : 0);
        double ui = (l.from[k] >= 0 ? vi[l.from[k]] : 0) - (l.to[k] >= 0 ? vi[l.to[k]] : 0);
        l.current(ur, ui, cur);
        p += ur * cur[0] + ui * cur[1];
        q += ui * cur[0] - ur * cur[1];
      }
    }
    return new double[] {p / 1000, q / 1000};
  }

  /** Reactive power that the capacitors deliver at the solution, kvar (positive: supplied). */
  public double capacitorKvar() {
    double q = 0;
    for (PhaseElement e : net.elements()) {
      if (e.kind() == PhaseElement.Kind.CAPACITOR) {
        q -= e.lossVa(vr, vi)[1];
      }
    }
    return q / 1000;
  }

  /** Transformer name to the final ratio of the winding its RegControl moves. */
  public Map<String, Double> taps() {
    return taps;
  }

  /** Line-to-line voltage base of a bus, kV. */
  public double busBaseKv(int bus) {
    return busBaseKv[bus];
  }

  public double voltageRe(int node) {
    return vr[node];
  }

  public double voltageIm(int node) {
    return vi[node];
  }

  /** Node-to-ground voltage magnitude in per unit of the bus's line-to-neutral base. */
  public double vmPu(int node) {
    return Math.hypot(vr[node], vi[node]) / nodeBase[node];
  }

  /** Node-to-ground voltage angle, degrees (source angle and transformer shifts included). */
  public double vaDeg(int node) {
    return Math.toDegrees(Math.atan2(vi[node], vr[node]));
  }

  /**
   * Voltage unbalance factor of a bus with nodes 1, 2 and 3: negative- over positive-sequence
   * magnitude of its node-to-ground voltages, percent; NaN for a bus with fewer phases.
   */
  public double unbalancePercent(int bus) {
    int a = net.node(bus, 1);
    int b = net.node(bus, 2);
    int c = net.node(bus, 3);
    if (a < 0 || b < 0 || c < 0) {
      return Double.NaN;
    }
    // a = 1 at 120 degrees; V1 = (Va + a Vb + a^2 Vc)/3, V2 = (Va + a^2 Vb + a Vc)/3
    double cr = -0.5;
    double ci = Math.sqrt(3) / 2;
    double[] v1 = combine(a, b, c, cr, ci, cr, -ci);
    double[] v2 = combine(a, b, c, cr, -ci, cr, ci);
    double m1 = Math.hypot(v1[0], v1[1]);
    return m1 == 0 ? Double.NaN : 100 * Math.hypot(v2[0], v2[1]) / m1;
  }

  private double[] combine(int a, int b, int c, double fbr, double fbi, double fcr, double fci) {
    double re = vr[a] + fbr * vr[b] - fbi * vi[b] + fcr * vr[c] - fci * vi[c];
    double im = vi[a] + fbr * vi[b] + fbi * vr[b] + fcr * vi[c] + fci * vr[c];
    return new double[] {re, im};
  }
}
