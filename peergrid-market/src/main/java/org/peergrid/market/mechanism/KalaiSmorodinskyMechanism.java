package org.peergrid.market.mechanism;

import org.peergrid.market.bargaining.BargainingWeights;
import org.peergrid.market.bargaining.KalaiSmorodinskySolver;
import org.peergrid.market.bargaining.KalaiSmorodinskySolver.IdealPoint;
import org.peergrid.market.bargaining.SavingsSplit;

/**
 * Kalai–Smorodinsky bargaining over the community bill: the Pareto-optimal payments whose savings
 * u_b = C⁰_b − p_b are in the same proportion to every building's ideal saving u*_b (its largest
 * saving with everyone else at none, MODEL.md §4), within the payment bounds of
 * {@link AbstractBargainingMechanism}. Ideal points capped by the bounds (default) or the whole
 * saving. Exact, O(n log n).
 *
 * <p>Reference: E. Kalai, M. Smorodinsky, "Other solutions to Nash's bargaining problem",
 * Econometrica 43(3):513–518, 1975, doi:10.2307/1914280; with binding bounds, the lexicographic
 * extension of H. Imai, Econometrica 51(2):389–401, 1983, doi:10.2307/1911997.
 */
public final class KalaiSmorodinskyMechanism extends AbstractBargainingMechanism {
  public static final String NAME = "ks";

  private final SavingsSplit splitter;

  /** Ideal points capped by the payment bounds, the scenario's bill basis. */
  public KalaiSmorodinskyMechanism() {
    this(null, IdealPoint.CAPPED_BY_BOUNDS);
  }

  public KalaiSmorodinskyMechanism(CommunityBill bill, IdealPoint idealPoint) {
    super(bill);
    this.splitter = new SavingsSplit(new KalaiSmorodinskySolver(idealPoint));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Kalai-Smorodinsky bargaining over the community bill";
  }

  @Override
  protected SavingsSplit splitter() {
    return splitter;
  }

  @Override
  protected double[] weights(double[] sharedKwh) {
    return BargainingWeights.equal(sharedKwh.length); // KS has no bargaining powers
  }
}
