package org.peergrid.market.bargaining;

/**
 * Lagrange multipliers of the Nash bargaining problem max Σ w_i ln(x_i − d_i) s.t. Σ x_i = v(N)
 * (λ), x_i ≥ lo_i (μ⁻_i ≥ 0), x_i ≤ hi_i (μ⁺_i ≥ 0), Σ_{i∈C} x_i ≥ v(C) (μ_C ≥ 0). At the optimum
 *
 * <pre>w_i / (x_i − d_i) = λ − μ⁻_i + μ⁺_i − Σ_{C∋i} μ_C</pre>
 *
 * <p>and each multiplier is zero unless its constraint binds. A player held at x_i = d_i by its
 * upper bound has μ⁺_i = +∞.
 *
 * @param budget λ, the marginal Nash welfare of one more unit of v(N)
 * @param lower μ⁻, per player
 * @param upper μ⁺, per player
 * @param coalition μ_C, in the order of {@link BargainingProblem#coalitions()}
 */
public record KktMultipliers(double budget, double[] lower, double[] upper, double[] coalition) {
  public KktMultipliers {
    lower = lower.clone();
    upper = upper.clone();
    coalition = coalition.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  @Override
  public double[] coalition() {
    return coalition.clone();
  }
}
