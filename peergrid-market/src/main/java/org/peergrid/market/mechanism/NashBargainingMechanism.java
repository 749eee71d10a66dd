package org.peergrid.market.mechanism;

import java.util.Arrays;
import org.peergrid.market.bargaining.BargainingWeights;
import org.peergrid.market.bargaining.NashBargainingSolver;
import org.peergrid.market.bargaining.SavingsSplit;

/**
 * Nash bargaining over the community bill: maximise Σ_b w_b ln(C⁰_b − p_b) subject to Σ p_b = B
 * and p_min_b ≤ p_b ≤ p_max_b (see {@link AbstractBargainingMechanism}). Closed form
 * p_b = C⁰_b − w_b/Σw · S when no bound binds, exact water-filling when one does (O(n log n)).
 *
 * <p>Reference: J. F. Nash, "The bargaining problem", Econometrica 18(2):155–162, 1950,
 * doi:10.2307/1907266; the asymmetric form after E. Kalai (1977). Applied to energy sharing with a
 * community battery as in the thesis that peergrid follows. Assumptions: transferable utility,
 * disagreement point = each building alone (its base cost), the cooperative schedule fixed.
 */
public final class NashBargainingMechanism extends AbstractBargainingMechanism {
  public static final String NAME = "nash";

  /** Bargaining powers. */
  public enum Weighting {
    /** w_b = 1 (default). */
    EQUAL,
    /**
     * w_b ∝ the energy b shares with peers, floored at 1 % of the mean so that a building sharing
     * nothing keeps a voice (a zero weight would drop it from the Nash product).
     */
    ENERGY_CONTRIBUTION
  }

  /** Share of the mean contribution that every weight gets at least. */
  static final double WEIGHT_FLOOR = 0.01;

  private final Weighting weighting;
  private final SavingsSplit splitter = new SavingsSplit(new NashBargainingSolver());

  /** Equal weights, the scenario's bill basis. */
  public NashBargainingMechanism() {
    this(null, Weighting.EQUAL);
  }

  public NashBargainingMechanism(CommunityBill bill, Weighting weighting) {
    super(bill);
    this.weighting = weighting;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Nash bargaining over the community bill";
  }

  @Override
  protected SavingsSplit splitter() {
    return splitter;
  }

  @Override
  protected double[] weights(double[] sharedKwh) {
    if (weighting == Weighting.EQUAL) {
      return BargainingWeights.equal(sharedKwh.length);
    }
    double floor = WEIGHT_FLOOR * Arrays.stream(sharedKwh).average().orElse(0);
    double[] floored = Arrays.stream(sharedKwh).map(e -> Math.max(e, floor)).toArray();
    return floor > 0 ? BargainingWeights.proportional(floored) : BargainingWeights.equal(sharedKwh.length);
  }
}
