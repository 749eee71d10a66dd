package org.peergrid.market.threephase;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;
import org.peergrid.grid.threephase.PhaseElement;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.accheck.AcCorrection;

/**
 * Clears on LinDist3Flow, checks the dispatch by the three-phase power flow, and where the power
 * flow finds a node outside its voltage limits tightens that node's limit in the LP by the shortfall
 * (p.u.², so that a binding node's margin converges to the model's error {@code v_lin − v_pf} there),
 * and where it finds a three-phase bus's PVUR above {@code unbalance_pu} holds the bus's most deviating
 * phase to a limit lower by the shortfall (so that the margin converges to the model's PVUR error at
 * that phase), and where it finds a limited line's conductor carrying more than {@code line_limit_a}
 * lowers that line's limit in the LP by the excess (A), then clears again: the three-phase counterpart of the
 * balanced clearing's AC correction (docs/model.md §8). Margins only grow, so the loop ends when the
 * power flow is inside the limits, the LP becomes infeasible, or the rounds run out.
 */
public final class ThreePhaseAcCorrection {
  /**
   * @param cleared the last clearing (at the final margins)
   * @param ac its AC check
   * @param rounds how many clearings were run
   * @param passed whether the power flow is within the limits (to {@code tolerancePu})
   * @param largestViolationPu how far the power flow is outside the limits at worst, p.u. (0 if inside)
   */
  public record Outcome(ThreePhaseClearingResult cleared, ThreePhaseAcCheck.Report ac, int rounds, boolean passed,
      double largestViolationPu) {}

  private ThreePhaseAcCorrection() {}

  /**
   * @param tolerancePu how far outside a limit the power flow may be and still pass, p.u.
   * @param maxRounds the most clearings to run
   */
  public static Outcome clear(LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
      double importPrice, double exportPrice, ThreePhaseClearing.Limits limits, List<LinDist3Flow.Port> pricedPorts,
      double tolerancePu, int maxRounds) {
    return clear(model, fixed, offers, importPrice, exportPrice, limits, List.of(), pricedPorts, tolerancePu,
        maxRounds);
  }

  /**
   * With thermal limits on lines: a conductor's excess counts in the largest violation as a fraction of
   * its line's limit.
   */
  public static Outcome clear(LinDist3Flow model, List<LinDist3Flow.Injection> fixed, List<PhaseOffer> offers,
      double importPrice, double exportPrice, ThreePhaseClearing.Limits limits,
      List<ThreePhaseClearing.BranchLimit> branchLimits, List<LinDist3Flow.Port> pricedPorts, double tolerancePu,
      int maxRounds) {
    PhaseNetwork net = model.network();
    int n = net.nodeCount();
    double[] raise = new double[n];
    double[] cut = new double[n];
    double[] unbalanceCut = new double[n];
    double[] lineCut = new double[branchLimits.size()];
    ThreePhaseClearingResult cleared = null;
    ThreePhaseAcCheck.Report ac = null;
    double worst = Double.NaN;
    for (int round = 1; round <= maxRounds; round++) {
      ThreePhaseClearing clearing = new ThreePhaseClearing(model, fixed, offers, importPrice, exportPrice, limits,
          tightened(branchLimits, lineCut));
      cleared = clearing.clear(pricedPorts, raise, cut, unbalanceCut);
      if (cleared.status() != ThreePhaseClearingResult.Status.OPTIMAL) {
        return new Outcome(cleared, ac, round, false, worst);
      }
      ac = ThreePhaseAcCheck.check(model, fixed, offers, cleared);
      ThreePhaseResult r = ac.result();
      if (!r.converged()) {
        return new Outcome(cleared, ac, round, false, Double.NaN);
      }
      worst = Math.max(tighten(r, net, limits, raise, cut), tightenUnbalance(r, net, limits, unbalanceCut));
      worst = Math.max(worst, tightenLines(r, model, branchLimits, lineCut));
      if (worst <= tolerancePu) {
        return new Outcome(cleared, ac, round, true, worst);
      }
    }
    return new Outcome(cleared, ac, maxRounds, false, worst);
  }

  /**
   * As {@link #tighten}, plus the balanced correction's margin ({@link AcCorrection#VOLTAGE_MARGIN_SQUARED})
   * on every limit it tightens: a little more than the shortfall, so that a binding node ends inside
   * rather than converging onto the limit from outside. The day's clearings ({@link ThreePhaseMarket}, vc-coop's
   * {@link ThreePhaseVcCoop}) tighten this way, through {@link ThreePhaseAcMargins}.
   */
  static double tightenWithMargin(ThreePhaseResult r, PhaseNetwork net, ThreePhaseClearing.Limits limits,
      double[] raise, double[] cut) {
    double[] raised = raise.clone();
    double[] cutBefore = cut.clone();
    double worst = tighten(r, net, limits, raise, cut);
    for (int k = 0; k < raised.length; k++) {
      if (raise[k] > raised[k]) {
        raise[k] += AcCorrection.VOLTAGE_MARGIN_SQUARED;
      }
      if (cut[k] > cutBefore[k]) {
        cut[k] += AcCorrection.VOLTAGE_MARGIN_SQUARED;
      }
    }
    return worst;
  }

  /** How much more than the PVUR shortfall the unbalance margin grows by, p.u. (as {@link AcCorrection#VOLTAGE_MARGIN_SQUARED} for voltages). */
  static final double UNBALANCE_MARGIN = 1e-4;

  /** How much more than the excess current a line's limit is lowered by, as a fraction of the limit. */
  static final double LINE_MARGIN = 1e-4;

  /** The line limits lowered by {@code cutAmps} (in their order; null or zeros for none). */
  static List<ThreePhaseClearing.BranchLimit> tightened(List<ThreePhaseClearing.BranchLimit> limits,
      double[] cutAmps) {
    if (cutAmps == null) {
      return limits;
    }
    List<ThreePhaseClearing.BranchLimit> out = new ArrayList<>();
    for (int l = 0; l < limits.size(); l++) {
      ThreePhaseClearing.BranchLimit limit = limits.get(l);
      // a cut as large as the limit leaves the line (almost) nothing: the LP says whether that is feasible
      out.add(new ThreePhaseClearing.BranchLimit(limit.element(), Math.max(limit.amps() - cutAmps[l],
          1e-9 * limit.amps())));
    }
    return out;
  }

  /**
   * Where the power flow {@code r} finds a conductor of a limited line carrying more than the limit
   * ({@link PhaseLimitCheck#current}, at the line's bus1 end as the LP's rows hold it), lowers that
   * line's limit by the largest excess plus {@link #LINE_MARGIN} of it, so that the cut converges to
   * the model's current error there. Returns the largest excess as a fraction of its limit (0 if none).
   */
  static double tightenLines(ThreePhaseResult r, LinDist3Flow model, List<ThreePhaseClearing.BranchLimit> limits,
      double[] cutAmps) {
    double worst = 0;
    for (int l = 0; l < limits.size(); l++) {
      ThreePhaseClearing.BranchLimit limit = limits.get(l);
      PhaseElement line = ThreePhaseClearing.line(model, limit);
      double excess = 0;
      for (int k = 0; k < line.nodes().length / 2; k++) {
        if (line.nodes()[k] >= 0) {
          excess = Math.max(excess, PhaseLimitCheck.current(line, k, r) - limit.amps());
        }
      }
      if (excess > PhaseLimitCheck.CURRENT_TOLERANCE * limit.amps()) {
        worst = Math.max(worst, excess / limit.amps());
        cutAmps[l] += excess + LINE_MARGIN * limit.amps();
      }
    }
    return worst;
  }

  /** {@link #tightenUnbalance} with {@link #UNBALANCE_MARGIN} on every phase it tightens. */
  static double tightenUnbalanceWithMargin(ThreePhaseResult r, PhaseNetwork net, ThreePhaseClearing.Limits limits,
      double[] unbalanceCut) {
    double[] before = unbalanceCut.clone();
    double worst = tightenUnbalance(r, net, limits, unbalanceCut);
    for (int k = 0; k < before.length; k++) {
      if (unbalanceCut[k] > before[k]) {
        unbalanceCut[k] += UNBALANCE_MARGIN;
      }
    }
    return worst;
  }

  /**
   * Where the power flow {@code r} finds a three-phase bus's PVUR above the limit, lowers the unbalance
   * limit of the bus's phase farthest from the mean ({@code unbalanceCut[k]}, p.u. of PVUR) by the
   * shortfall: the LP then holds that phase's deviation to {@code u − cut}, and the cut converges to the
   * model's PVUR error there. Returns the largest PVUR over the limit, p.u. (0 if none).
   */
  static double tightenUnbalance(ThreePhaseResult r, PhaseNetwork net, ThreePhaseClearing.Limits limits,
      double[] unbalanceCut) {
    if (!Double.isFinite(limits.unbalancePu())) {
      return 0;
    }
    double worst = 0;
    for (int b = 1; b < net.busCount(); b++) {
      double pvur = ThreePhaseMarket.busPvur(r::vmPu, net, b);
      double shortfall = pvur - limits.unbalancePu();
      if (shortfall <= 0) {
        continue;
      }
      worst = Math.max(worst, shortfall);
      unbalanceCut[farthestPhase(r, net, b)] += shortfall;
    }
    return worst;
  }

  /** The phase node of three-phase bus b whose magnitude is farthest from the three phases' mean in {@code r}. */
  static int farthestPhase(ThreePhaseResult r, PhaseNetwork net, int b) {
    int[] abc = {net.node(b, 1), net.node(b, 2), net.node(b, 3)};
    double mean = (r.vmPu(abc[0]) + r.vmPu(abc[1]) + r.vmPu(abc[2])) / 3;
    int farthest = abc[0];
    for (int k : abc) {
      if (Math.abs(r.vmPu(k) - mean) > Math.abs(r.vmPu(farthest) - mean)) {
        farthest = k;
      }
    }
    return farthest;
  }

  /**
   * Tightens the LP's limits where the power flow {@code r} finds a phase node outside them: raises
   * {@code raise[k]} (or {@code cut[k]}) by the shortfall in p.u.², so that a binding node's margin
   * converges to the model's error {@code v_lin − v_pf} there. Returns how far outside the limits the
   * power flow is at worst, p.u. (0 if inside).
   */
  static double tighten(ThreePhaseResult r, PhaseNetwork net, ThreePhaseClearing.Limits limits, double[] raise,
      double[] cut) {
    double worst = 0;
    for (int k = net.firstNode()[1]; k < net.nodeCount(); k++) {
      if (net.nodeNumbers()[k] > 3) {
        continue;
      }
      double vm = r.vmPu(k);
      if (vm < limits.vminPu()) {
        worst = Math.max(worst, limits.vminPu() - vm);
        raise[k] += limits.vminPu() * limits.vminPu() - vm * vm;
      } else if (vm > limits.vmaxPu()) {
        worst = Math.max(worst, vm - limits.vmaxPu());
        cut[k] += vm * vm - limits.vmaxPu() * limits.vmaxPu();
      }
    }
    return worst;
  }
}
