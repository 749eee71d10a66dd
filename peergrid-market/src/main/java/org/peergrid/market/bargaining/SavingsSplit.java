package org.peergrid.market.bargaining;

import java.util.List;

/**
 * The cost-sharing view of bargaining (MODEL.md §4): the community owes a bill B; participant b
 * pays p_b with Σ p_b = B and p_b ∈ [p_min_b, p_max_b] (the bounds that keep its internal unit
 * prices within the tariffs); its utility is u_b = C⁰_b − p_b against its base cost C⁰_b.
 *
 * <p>A thin adapter to payoff space: x_b = u_b, d_b = 0, v(N) = S = Σ C⁰_b − B,
 * lo_b = C⁰_b − p_max_b, hi_b = C⁰_b − p_min_b. When S &lt; 0 no split is individually rational
 * and the result says so instead of returning payments. Pure function of its inputs.
 */
public final class SavingsSplit {
  /** Payments are called individually rational when u_b ≥ −this·max(1, |B|) (rounding only). */
  public static final double RATIONALITY_ROUNDING = 1e-9;

  private final BargainingSolver solver;

  /** Split with the given solution concept (Nash or Kalai–Smorodinsky). */
  public SavingsSplit(BargainingSolver solver) {
    this.solver = solver;
  }

  /**
   * @param baseCosts C⁰_b [currency]
   * @param bill B, what the community owes together [currency]
   * @param minPayments p_min_b [currency]
   * @param maxPayments p_max_b [currency]
   * @param weights bargaining powers (see {@link BargainingWeights}); ignored by KS
   */
  public SavingsSplitResult split(double[] baseCosts, double bill, double[] minPayments,
      double[] maxPayments, double[] weights) {
    return split(baseCosts, bill, minPayments, maxPayments, weights, List.of());
  }

  /**
   * The same with core constraints.
   *
   * @param coalitions Σ_{b∈C} u_b ≥ v(C) over the participants' indices, v(C) the saving C makes
   *     on its own [currency]
   */
  public SavingsSplitResult split(double[] baseCosts, double bill, double[] minPayments,
      double[] maxPayments, double[] weights, List<CoalitionConstraint> coalitions) {
    int n = baseCosts.length;
    if (minPayments.length != n || maxPayments.length != n) {
      throw new IllegalArgumentException("base costs and payment bounds must have length " + n);
    }
    double saving = -bill;
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int b = 0; b < n; b++) {
      saving += baseCosts[b];
      lo[b] = baseCosts[b] - maxPayments[b];
      hi[b] = baseCosts[b] - minPayments[b];
    }
    BargainingProblem problem =
        new BargainingProblem(new double[n], saving, lo, hi, coalitions, weights);
    BargainingResult r = solver.solve(problem);
    if (!r.isSolved()) {
      return new SavingsSplitResult(r.status(), saving, new double[0], new double[0],
          new boolean[0], r.message());
    }
    double[] u = r.payoffs();
    double[] p = new double[n];
    boolean[] rational = new boolean[n];
    double rounding = RATIONALITY_ROUNDING * Math.max(1, Math.abs(bill));
    for (int b = 0; b < n; b++) {
      p[b] = baseCosts[b] - u[b];
      rational[b] = u[b] >= -rounding;
    }
    return new SavingsSplitResult(BargainingStatus.SOLVED, saving, p, u, rational, "");
  }
}
