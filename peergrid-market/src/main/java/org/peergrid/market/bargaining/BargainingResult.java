package org.peergrid.market.bargaining;

import java.util.Optional;

/**
 * What a bargaining solver returns.
 *
 * @param status outcome; payoffs are present only when {@link BargainingStatus#SOLVED}
 * @param payoffs x_i, empty unless solved
 * @param multipliers KKT multipliers of the Nash problem, when the solver computes them
 * @param iterations Newton steps (interior point) or 0 for closed forms
 * @param tolerance bound on the duality gap, relative to the surplus, or 0 for closed forms
 * @param message a human-readable reason for the status
 */
public record BargainingResult(
    BargainingStatus status,
    double[] payoffs,
    Optional<KktMultipliers> multipliers,
    int iterations,
    double tolerance,
    String message) {

  public BargainingResult {
    payoffs = payoffs.clone();
    if (status == BargainingStatus.SOLVED && payoffs.length == 0) {
      throw new IllegalArgumentException("a solved result needs payoffs");
    }
  }

  /** A closed-form (exact) solution. */
  static BargainingResult exact(double[] payoffs, Optional<KktMultipliers> multipliers) {
    return new BargainingResult(BargainingStatus.SOLVED, payoffs, multipliers, 0, 0, "");
  }

  /** No payoffs, with the reason. */
  static BargainingResult failed(BargainingStatus status, int iterations, String message) {
    return new BargainingResult(status, new double[0], Optional.empty(), iterations, 0, message);
  }

  /** Whether payoffs are present. */
  public boolean isSolved() {
    return status == BargainingStatus.SOLVED;
  }

  @Override
  public double[] payoffs() {
    return payoffs.clone();
  }
}
