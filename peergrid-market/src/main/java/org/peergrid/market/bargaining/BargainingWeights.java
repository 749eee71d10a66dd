package org.peergrid.market.bargaining;

import java.util.Arrays;

/** Bargaining powers w_b for the Nash product (MODEL.md §4: equal by default). */
public final class BargainingWeights {
  private BargainingWeights() {}

  /** w_b = 1 for all n participants. */
  public static double[] equal(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1);
    return w;
  }

  /**
   * w_b = E_b / Σ E, from each participant's energy contribution E_b [kWh] (e.g. energy supplied
   * to the community); every E_b must be positive, since a zero weight drops a participant from
   * the Nash product.
   */
  public static double[] proportional(double[] contributionKwh) {
    double total = Arrays.stream(contributionKwh).sum();
    for (int b = 0; b < contributionKwh.length; b++) {
      if (!(contributionKwh[b] > 0) || !Double.isFinite(contributionKwh[b])) {
        throw new IllegalArgumentException(
            "energy contribution of participant " + b + " must be positive: " + contributionKwh[b]);
      }
    }
    return Arrays.stream(contributionKwh).map(e -> e / total).toArray();
  }
}
