package org.peergrid.market.threephase;

import java.util.Arrays;
import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.accheck.AcCheck;

/**
 * The AC correction's margins of a day on a three-phase feeder, per interval, and how one round's power
 * flows tighten them: every phase node outside the voltage limits (shortfall in p.u.² plus
 * {@link org.peergrid.market.accheck.AcCorrection#VOLTAGE_MARGIN_SQUARED}), every three-phase bus's most
 * deviating phase above {@code unbalance_pu} (shortfall plus {@link ThreePhaseAcCorrection#UNBALANCE_MARGIN})
 * and every limited line carrying more than {@code line_limit_a} (excess plus
 * {@link ThreePhaseAcCorrection#LINE_MARGIN} of the limit), by {@link ThreePhaseAcCorrection}'s rules.
 * When a tightening of the unbalance rows leaves the LP infeasible, the unbalance margins go back to
 * those of the last feasible clearing and stay there ({@link #freezeUnbalance}); the voltages and lines
 * are corrected further. The dlmp-family day ({@link ThreePhaseMarket}) and vc-coop's master
 * ({@link ThreePhaseVcCoop}) both correct with it.
 */
final class ThreePhaseAcMargins {
  /**
   * What one round's power flows found.
   *
   * @param converged whether every interval's power flow converged
   * @param worstPu how far outside the voltage or unbalance limits the power flow is at worst, p.u. (a
   *     line's excess current as a fraction of its limit); 0 when inside
   * @param voltageAndLineWorstPu the same without the unbalance limit
   */
  record Found(boolean converged, double worstPu, double voltageAndLineWorstPu) {
    /** Every interval converged inside every limit (to {@link AcCheck#VOLTAGE_TOLERANCE_PU}). */
    boolean passed() {
      return converged && worstPu <= AcCheck.VOLTAGE_TOLERANCE_PU;
    }
  }

  /** V^min² raised per [interval][node], p.u.². */
  final double[][] raise;
  /** V^max² lowered per [interval][node], p.u.². */
  final double[][] cut;
  /** {@code unbalance_pu} lowered per [interval][phase node], p.u. of PVUR. */
  final double[][] unbalanceCut;
  /** Each line's limit lowered per [interval][line] in {@link ThreePhaseDayClearing#lineLimits()}'s order, A. */
  final double[][] lineCut;
  private final double[][] feasibleUnbalanceCut;
  private boolean unbalanceFrozen;

  ThreePhaseAcMargins(int intervals, int nodes, int lines) {
    this(new double[intervals][nodes], new double[intervals][nodes], new double[intervals][nodes],
        new double[intervals][lines], new double[intervals][nodes], false);
  }

  private ThreePhaseAcMargins(double[][] raise, double[][] cut, double[][] unbalanceCut, double[][] lineCut,
      double[][] feasibleUnbalanceCut, boolean unbalanceFrozen) {
    this.raise = raise;
    this.cut = cut;
    this.unbalanceCut = unbalanceCut;
    this.lineCut = lineCut;
    this.feasibleUnbalanceCut = feasibleUnbalanceCut;
    this.unbalanceFrozen = unbalanceFrozen;
  }

  /** A copy that the next tightening leaves alone: the margins a clearing ran with. */
  ThreePhaseAcMargins copy() {
    return new ThreePhaseAcMargins(copy(raise), copy(cut), copy(unbalanceCut), copy(lineCut),
        copy(feasibleUnbalanceCut), unbalanceFrozen);
  }

  /** The day's LP at these margins. */
  ThreePhaseDay clear(ThreePhaseDayClearing clearing) {
    return clearing.clear(raise, cut, unbalanceCut, lineCut);
  }

  /** The clearing at these margins was feasible: its unbalance margins are the ones to go back to. */
  void feasible() {
    copyInto(unbalanceCut, feasibleUnbalanceCut);
  }

  /**
   * The clearing at these margins was infeasible. When the unbalance margins were tightened since the
   * last feasible clearing (the model's PVUR error is more than the participants can make up), puts them
   * back and keeps them there, and returns true: clear again, correcting the voltages and lines alone (the
   * check will not pass). False when there is nothing left to undo.
   */
  boolean freezeUnbalance() {
    if (unbalanceFrozen || Arrays.deepEquals(unbalanceCut, feasibleUnbalanceCut)) {
      return false;
    }
    copyInto(feasibleUnbalanceCut, unbalanceCut);
    unbalanceFrozen = true;
    return true;
  }

  /** Whether the unbalance margins stayed at their last feasible values after an infeasible tightening. */
  boolean unbalanceFrozen() {
    return unbalanceFrozen;
  }

  /**
   * Tightens every limit the power flows of one clearing (one per interval, in order) find broken;
   * an interval whose power flow did not converge is left alone. With the unbalance margins frozen, the
   * PVUR is measured but not tightened.
   */
  Found tighten(List<ThreePhaseResult> flows, ThreePhaseDayClearing clearing) {
    LinDist3Flow model = clearing.model();
    ThreePhaseClearing.Limits limits = clearing.limits();
    boolean converged = true;
    double worst = 0;
    double voltageAndLineWorst = 0;
    for (int t = 0; t < flows.size(); t++) {
      ThreePhaseResult r = flows.get(t);
      if (!r.converged()) {
        converged = false;
        continue;
      }
      // voltages and line currents (excess as a fraction of the limit) are tightened in every round
      double v = Math.max(ThreePhaseAcCorrection.tightenWithMargin(r, model.network(), limits, raise[t], cut[t]),
          ThreePhaseAcCorrection.tightenLines(r, model, clearing.lineLimits(), lineCut[t]));
      double u = unbalanceFrozen
          ? ThreePhaseAcCorrection.tightenUnbalance(r, model.network(), limits, unbalanceCut[t].clone())
          : ThreePhaseAcCorrection.tightenUnbalanceWithMargin(r, model.network(), limits, unbalanceCut[t]);
      voltageAndLineWorst = Math.max(voltageAndLineWorst, v);
      worst = Math.max(worst, Math.max(v, u));
    }
    return new Found(converged, worst, voltageAndLineWorst);
  }

  /**
   * Whether the correction ends after a round that found {@code found}: it passed, a power flow did not
   * converge, or only the frozen unbalance is left outside.
   */
  boolean done(Found found) {
    return found.passed() || !found.converged()
        || unbalanceFrozen && found.voltageAndLineWorstPu() <= AcCheck.VOLTAGE_TOLERANCE_PU;
  }

  /**
   * Gives every interval each node's and line's largest margin of any interval. vc-coop needs it: its
   * accepted mix moves between tied optima from play to play (batteries indifferent between evening hours
   * of one price), so the node a play found short in one hour is short in another hour the next play;
   * at examples/ieee13-3ph's 5 % the correction passed in 8 plays with margins per interval and in 5 with
   * them spread (at 1.44 USD, 0.013 %, more cost: the spread margins also bind in hours that did not need
   * them). Where a node is far from its limit the larger margin does not bind and costs nothing.
   */
  void spreadOverIntervals() {
    for (double[][] margins : List.of(raise, cut, unbalanceCut, lineCut)) {
      for (int k = 0; k < (margins.length == 0 ? 0 : margins[0].length); k++) {
        double largest = 0;
        for (double[] interval : margins) {
          largest = Math.max(largest, interval[k]);
        }
        for (double[] interval : margins) {
          interval[k] = largest;
        }
      }
    }
  }

  private static double[][] copy(double[][] a) {
    double[][] b = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i].clone();
    }
    return b;
  }

  private static void copyInto(double[][] from, double[][] to) {
    for (int i = 0; i < from.length; i++) {
      System.arraycopy(from[i], 0, to[i], 0, from[i].length);
    }
  }
}
