package org.peergrid.market.nuc;

import java.util.List;
import java.util.Optional;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchSolution;

/**
 * The feeder as the p2p-nuc loop knows it (docs/nuc-ev.md): the electrical distance that weighs a
 * trade's share of the loss cost, the AC check of a schedule with its losses, the DSO's loss cost, the
 * loss factors of the {@code loss-sensitivity} method, and who is surcharged behind a violation. The
 * loop itself ({@link NucLoop}) never sees the network, so the same loop runs on a balanced feeder
 * ({@link BalancedNucFeeder}: LinDistFlow's path resistances, the backward/forward sweep) and on a
 * three-phase one ({@code threephase.ThreePhaseNucFeeder}: LinDist3Flow's sensitivities between the
 * participants' phases, the three-phase power flow).
 *
 * <p>Participants are numbered in scenario order; {@link #GRID} is the utility at the source.
 *
 * @param <C> the check's details, as the feeder reports them
 */
public interface NucFeeder<C> {
  /** The index of the utility at the source in {@link #distance} and {@link #bus}. */
  int GRID = -1;

  /**
   * A schedule's AC check as the loop reads it.
   *
   * @param details the feeder's own report
   * @param passes every interval converged with no violation
   * @param violations how many limits (cells of interval and element) are broken
   * @param lossesKwh the day's losses
   * @param vminPu lowest voltage (NaN if none converged)
   * @param vmaxPu highest voltage
   * @param lossCost the DSO's loss cost: Σ_t π^buy_t Δt max(0, L_t − L^bg_t) [money]
   */
  record Checked<C>(C details, boolean passes, int violations, double lossesKwh, double vminPu, double vmaxPu,
      double lossCost) {}

  /** Where surcharges go: a participant (by id), on its sales or its purchases, in interval t [money/kWh]. */
  interface Raise {
    void raise(String participant, boolean onSales, int t, double amount);
  }

  /** The weight w = D_ij of the {@code distance} method between participants i and j ({@link #GRID} allowed) [p.u.]. */
  double distance(int i, int j);

  /** The bus a participant's trades are reported at (an index of the feeder's own numbering; {@link #GRID}: the source's). */
  int bus(int participant);

  /** The AC check of a schedule and its loss cost. */
  Checked<C> check(DispatchSolution schedule);

  /**
   * λ[t][i] = ∂(AC losses)/∂(withdrawal of participant i) [kW/kW], by a 1 kW difference on the
   * schedule's power flow; the utility at the source has λ = 0.
   */
  double[][] lossFactors(DispatchSolution schedule);

  /**
   * Raises the surcharges of whoever pushes a violated limit of the check the wrong way in these
   * trades, each by {@code step}·π^buy_t times its share of the violation's sensitivity.
   */
  void surcharge(List<Trade> trades, C check, double step, Raise raise);

  /** The balanced AC check behind the common files of {@code clear} (ac_check.csv); empty for other feeders. */
  default Optional<AcCheckResult> balancedCheck(C check) {
    return Optional.empty();
  }

  /**
   * The proportional rule shared by the feeders: in the trades of one interval, each trade's effect on a
   * violation (&gt; 0 where it pushes it the wrong way); the side named raised by {@code step·price}
   * times its effect over the largest effect.
   */
  static void proportional(List<Trade> now, double[] effect, boolean onSellers, double stepTimesPrice, Raise raise) {
    double max = java.util.Arrays.stream(effect).max().orElse(0);
    for (int j = 0; j < now.size() && max > 0; j++) {
      if (effect[j] > 0) {
        Trade x = now.get(j);
        raise.raise(onSellers ? x.seller() : x.buyer(), onSellers, x.interval(), stepTimesPrice * effect[j] / max);
      }
    }
  }
}
