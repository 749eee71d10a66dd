package org.peergrid.market.dispatch;

import java.util.Arrays;

/**
 * How much tighter than the scenario's limits the LinDistFlow LP must hold the network, per
 * interval and bus, so that the AC power flow of its schedule meets the real limits
 * ({@code accheck.AcCorrection}). LinDistFlow drops the losses: where a limit binds in the LP, the
 * AC voltage is a little lower and the AC loading a little higher than the LP's. Raising V^min² (and
 * lowering V^max²) by the measured gap and lowering S^max by the measured loading gap moves the LP's
 * limits to where the AC ones are.
 *
 * <p>All entries start at 0 (no tightening) and only grow: {@link #raise} keeps the larger of the old
 * and the new value, so repeated corrections never undo one another. Indices are the network's
 * internal ones ([t][k], k = 0 the root, the branch into k for loadings).
 */
public final class LimitTightening {
  /** Added to V^min² of bus k in interval t [p.u.²]. */
  private final double[][] vminSquaredRaise;
  /** Taken off V^max² [p.u.²]. */
  private final double[][] vmaxSquaredCut;
  /** Taken off S^max of the branch into k [kVA]. */
  private final double[][] limitCutKva;

  private LimitTightening(int intervals, int buses) {
    vminSquaredRaise = new double[intervals][buses];
    vmaxSquaredCut = new double[intervals][buses];
    limitCutKva = new double[intervals][buses];
  }

  /** No tightening: the LP holds the scenario's limits. */
  public static LimitTightening none(int intervals, int buses) {
    return new LimitTightening(intervals, buses);
  }

  public LimitTightening copy() {
    LimitTightening c = new LimitTightening(vminSquaredRaise.length, vminSquaredRaise[0].length);
    for (int t = 0; t < vminSquaredRaise.length; t++) {
      c.vminSquaredRaise[t] = vminSquaredRaise[t].clone();
      c.vmaxSquaredCut[t] = vmaxSquaredCut[t].clone();
      c.limitCutKva[t] = limitCutKva[t].clone();
    }
    return c;
  }

  /** Raises V^min² of bus k in interval t to at least V^min² + {@code amount}; true if that changed it. */
  public boolean raiseVmin(int t, int k, double amount) {
    return raise(vminSquaredRaise[t], k, amount);
  }

  /** Lowers V^max² of bus k in interval t to at most V^max² − {@code amount}; true if that changed it. */
  public boolean lowerVmax(int t, int k, double amount) {
    return raise(vmaxSquaredCut[t], k, amount);
  }

  /** Lowers S^max of the branch into k in interval t to at most S^max − {@code kva}; true if that changed it. */
  public boolean lowerLimit(int t, int k, double kva) {
    return raise(limitCutKva[t], k, kva);
  }

  private static boolean raise(double[] row, int k, double amount) {
    if (!(amount > row[k])) {
      return false;
    }
    row[k] = amount;
    return true;
  }

  public double vminSquaredRaise(int t, int k) {
    return vminSquaredRaise[t][k];
  }

  public double vmaxSquaredCut(int t, int k) {
    return vmaxSquaredCut[t][k];
  }

  public double limitCutKva(int t, int k) {
    return limitCutKva[t][k];
  }

  /** How many (interval, bus) voltage bounds and (interval, branch) limits are tightened. */
  public int tightenedCount() {
    int n = 0;
    for (int t = 0; t < vminSquaredRaise.length; t++) {
      for (int k = 0; k < vminSquaredRaise[t].length; k++) {
        n += (vminSquaredRaise[t][k] > 0 ? 1 : 0) + (vmaxSquaredCut[t][k] > 0 ? 1 : 0) + (limitCutKva[t][k] > 0 ? 1 : 0);
      }
    }
    return n;
  }

  /** Whether the tightening fits a day of this shape. */
  boolean fits(int intervals, int buses) {
    return vminSquaredRaise.length == intervals && Arrays.stream(vminSquaredRaise).allMatch(r -> r.length == buses);
  }
}
