package org.peergrid.market.nuc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.DispatchSolution;

/**
 * What the loop ended with.
 *
 * @param converged whether the AC check passed and the revenue recovered the cost within tolerance
 * @param message how it ended
 * @param dispatch the last clearing
 * @param ac its AC check as the feeder reports it (null when the clearing failed)
 * @param trades its trades with their charges
 * @param iterations every clearing
 * @param paid each participant's charges [money]
 * @param uncharged the first clearing, announced with no charges: the P2P market without NUC
 * @param lossRate ρ of the last clearing
 * @param surcharges the surcharges of the last clearing
 * @param surchargeScale α, the factor the loop left on the raised surcharges (0 when none were raised)
 * @param <C> the feeder's AC check ({@link NucFeeder})
 */
public record NucResult<C>(boolean converged, String message, DispatchResult dispatch, C ac,
    List<Trade> trades, List<NucIteration> iterations, Map<String, Double> paid, DispatchSolution uncharged,
    double lossRate, Surcharges surcharges, double surchargeScale) {

  static <C> NucResult<C> failed(DispatchResult dispatch, List<NucIteration> iterations) {
    return new NucResult<>(false, dispatch.message(), dispatch, null, List.of(), List.copyOf(iterations), Map.of(), null,
        0, null, 0);
  }

  public Optional<NucIteration> last() {
    return iterations.isEmpty() ? Optional.empty() : Optional.of(iterations.get(iterations.size() - 1));
  }

  /** Σ charges of the last clearing [money]. */
  public double revenue() {
    return last().map(NucIteration::revenue).orElse(0.0);
  }

  /** The part of the revenue from surcharges: rent of the limits, not loss recovery [money]. */
  public double surchargeRevenue() {
    return last().map(NucIteration::surchargeRevenue).orElse(0.0);
  }

  /** The DSO's loss cost of the last clearing [money]. */
  public double cost() {
    return last().map(NucIteration::cost).orElse(0.0);
  }
}
