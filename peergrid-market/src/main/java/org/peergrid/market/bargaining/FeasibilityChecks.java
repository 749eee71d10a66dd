package org.peergrid.market.bargaining;

import java.util.Optional;

/** Exact feasibility tests on the budget and the box bounds, shared by the solvers. */
final class FeasibilityChecks {
  private FeasibilityChecks() {}

  /** INFEASIBLE when some lo_i &gt; hi_i or v(N) lies outside [Σ lo, Σ hi]. */
  static Optional<BargainingResult> box(BargainingProblem p) {
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    double sumLo = 0;
    double sumHi = 0;
    for (int i = 0; i < lo.length; i++) {
      if (lo[i] > hi[i]) {
        return fail(BargainingStatus.INFEASIBLE, "player " + i + " has lower bound above upper");
      }
      sumLo += lo[i];
      sumHi += hi[i];
    }
    if (sumLo > p.totalValue() || sumHi < p.totalValue()) {
      return fail(BargainingStatus.INFEASIBLE,
          "v(N) = " + p.totalValue() + " lies outside [Σlo, Σhi] = [" + sumLo + ", " + sumHi + "]");
    }
    return Optional.empty();
  }

  /**
   * NOT_INDIVIDUALLY_RATIONAL when, with box bounds only, no feasible split gives everyone at
   * least d: some hi_i &lt; d_i, or Σ max(d_i, lo_i) &gt; v(N) (this includes S &lt; 0).
   */
  static Optional<BargainingResult> individuallyRationalBox(BargainingProblem p) {
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    double least = 0;
    for (int i = 0; i < d.length; i++) {
      if (hi[i] < d[i]) {
        return fail(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL,
            "player " + i + " is capped at " + hi[i] + " below its disagreement payoff " + d[i]);
      }
      least += Math.max(d[i], lo[i]);
    }
    if (least > p.totalValue()) {
      return fail(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL,
          "v(N) = " + p.totalValue() + " is below Σ max(d_i, lo_i) = " + least
              + " (surplus S = " + p.surplus() + ")");
    }
    return Optional.empty();
  }

  private static Optional<BargainingResult> fail(BargainingStatus status, String message) {
    return Optional.of(BargainingResult.failed(status, 0, message));
  }
}
