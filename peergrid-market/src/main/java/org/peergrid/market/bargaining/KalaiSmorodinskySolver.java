package org.peergrid.market.bargaining;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The Kalai–Smorodinsky solution: the Pareto-optimal split whose gains over the disagreement
 * point are proportional to the players' ideal gains, (x_i − d_i)/u*_i equal for all i.
 *
 * <p>References: E. Kalai and M. Smorodinsky, "Other Solutions to Nash's Bargaining Problem",
 * <i>Econometrica</i> 43(3):513–518, 1975, doi:10.2307/1914280; for bounds that bind before the
 * budget is spent, the lexicographic extension of H. Imai, "Individual Monotonicity and
 * Lexicographic Maxmin Solution", <i>Econometrica</i> 51(2):389–401, 1983, doi:10.2307/1911997.
 *
 * <p>Rule: x_i(t) = clamp(d_i + t·u*_i, lo_i, hi_i), with the largest t such that Σ x(t) = v(N).
 * Without binding bounds this is the KS point x_i = d_i + S·u*_i / Σ_j u*_j; when a player reaches its upper
 * bound first it is frozen there and the others continue along their rays, so the budget is
 * always exhausted (Pareto optimal) and the relative gains are lexicographically maxmin. Solved
 * exactly by {@link ClampedPath}. Core constraints are checked, not enforced: every x_i(t) is
 * non-decreasing in t, so if the end point violates Σ_{i∈C} x_i ≥ v(C), no point of the path
 * satisfies it ({@link BargainingStatus#PATH_LEAVES_CORE}). Weights are ignored.
 */
public final class KalaiSmorodinskySolver implements BargainingSolver {
  /** How the ideal gain u*_i (best gain of i with everyone else at no gain) is computed. */
  public enum IdealPoint {
    /** u*_i = S = v(N) − Σ d: i could take the whole surplus. Ignores the bounds. */
    WHOLE_SURPLUS,
    /**
     * u*_i = min(hi_i, v(N) − Σ_{j≠i} max(d_j, lo_j)) − d_i: the most i can get within its upper
     * bound while every other player gets its disagreement payoff or, if higher, its lower bound.
     */
    CAPPED_BY_BOUNDS
  }

  /** Slack, relative to max(1, |v(N)|), allowed on the core check for rounding. */
  static final double CORE_ROUNDING = 1e-12;

  private final IdealPoint idealPoint;

  /** Ideal points capped by the bounds (the feasible-set definition of Kalai–Smorodinsky). */
  public KalaiSmorodinskySolver() {
    this(IdealPoint.CAPPED_BY_BOUNDS);
  }

  public KalaiSmorodinskySolver(IdealPoint idealPoint) {
    this.idealPoint = idealPoint;
  }

  @Override
  public BargainingResult solve(BargainingProblem p) {
    Optional<BargainingResult> failure = FeasibilityChecks.box(p)
        .or(() -> FeasibilityChecks.individuallyRationalBox(p));
    if (failure.isPresent()) {
      return failure.get();
    }
    double[] ideal = idealGains(p, idealPoint);
    ClampedPath path = new ClampedPath(p.disagreement(), ideal, p.lowerBounds(), p.upperBounds());
    OptionalDouble t = path.levelFor(p.totalValue());
    if (t.isEmpty()) {
      return BargainingResult.failed(BargainingStatus.INFEASIBLE, 0,
          "the path towards the ideal point never reaches v(N)");
    }
    double[] x = path.at(t.getAsDouble());
    double slack = CORE_ROUNDING * Math.max(1, Math.abs(p.totalValue()));
    for (CoalitionConstraint c : p.coalitions()) {
      if (c.sum(x) < c.value() - slack) {
        return BargainingResult.failed(BargainingStatus.PATH_LEAVES_CORE, 0,
            "the KS path ends with Σx = " + c.sum(x) + " for coalition " + c);
      }
    }
    return BargainingResult.exact(x, Optional.empty());
  }

  /**
   * The ideal gains u*_i ≥ 0 of an individually rational problem (see {@link IdealPoint}).
   */
  public static double[] idealGains(BargainingProblem p, IdealPoint mode) {
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    int n = d.length;
    double[] u = new double[n];
    double leastTotal = 0;
    for (int i = 0; i < n; i++) {
      leastTotal += Math.max(d[i], lo[i]);
    }
    for (int i = 0; i < n; i++) {
      u[i] = mode == IdealPoint.WHOLE_SURPLUS
          ? p.surplus()
          : Math.min(hi[i], p.totalValue() - (leastTotal - Math.max(d[i], lo[i]))) - d[i];
      u[i] = Math.max(0, u[i]);
    }
    return u;
  }
}
