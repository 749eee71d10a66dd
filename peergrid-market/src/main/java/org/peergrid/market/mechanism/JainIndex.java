package org.peergrid.market.mechanism;

/**
 * Jain's fairness index of an allocation x: J = (Σ x)² / (n Σ x²), 1 when everyone gets the same
 * and 1/n when one gets everything (R. Jain, D. Chiu, W. Hawe, DEC-TR-301, 1984, arXiv:cs/9809099).
 *
 * <p>It is defined for x ≥ 0. Savings can be negative, so they are first shifted by the worst loss:
 * y_b = x_b − min(0, min x), which leaves non-negative savings as they are (the usual index) and
 * puts the worst-off building at 0 otherwise; when every y_b is 0 (everyone the same) J = 1.
 */
public final class JainIndex {
  private JainIndex() {}

  /** J of the values, shifted as above; requires at least one value. */
  public static double of(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("Jain's index needs at least one value");
    }
    double shift = 0;
    for (double v : x) {
      shift = Math.min(shift, v);
    }
    double sum = 0;
    double squares = 0;
    for (double v : x) {
      double y = v - shift;
      sum += y;
      squares += y * y;
    }
    return squares == 0 ? 1 : sum * sum / (x.length * squares);
  }
}
