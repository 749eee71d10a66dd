package org.peergrid.market.bargaining;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The (weighted) Nash bargaining solution: the split maximising the Nash product
 * Π (x_i − d_i)^{w_i}, i.e. max Σ w_i ln(x_i − d_i) s.t. Σ x_i = v(N), lo ≤ x ≤ hi and the core
 * constraints Σ_{i∈C} x_i ≥ v(C).
 *
 * <p>Reference: J. F. Nash, "The Bargaining Problem", <i>Econometrica</i> 18(2):155–162, 1950,
 * doi:10.2307/1907266; the asymmetric (weighted) form is due to Kalai (1977) and Roth (1979). The
 * test cases follow Churkin et al. (ForecastVal-E).
 *
 * <ul>
 *   <li>No binding bound: the closed form x_i = d_i + w_i/Σw · (v(N) − Σ d).
 *   <li>Box bounds: the KKT conditions give x_i = clamp(d_i + w_i·τ, lo_i, hi_i) with τ = 1/λ
 *       set so that Σ x = v(N); solved exactly by {@link ClampedPath} in O(n log n).
 *   <li>Core constraints: a log-barrier interior-point method ({@link CoreNashSolver}), duality
 *       gap at most {@link #DEFAULT_TOLERANCE}·S, O(n³) per Newton step.
 * </ul>
 *
 * <p>Pure function of its input; instances are immutable and thread-safe.
 */
public final class NashBargainingSolver implements BargainingSolver {
  /** Default bound on the duality gap of the interior-point solve, relative to the surplus. */
  public static final double DEFAULT_TOLERANCE = 1e-11;
  /** Default limit on Newton steps (phase I plus phase II). */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;

  private final double tolerance;
  private final int maxIterations;

  public NashBargainingSolver() {
    this(DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  public NashBargainingSolver(double tolerance, int maxIterations) {
    if (!(tolerance > 0) || maxIterations < 1) {
      throw new IllegalArgumentException("tolerance must be positive and maxIterations ≥ 1");
    }
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  @Override
  public BargainingResult solve(BargainingProblem p) {
    Optional<BargainingResult> failure = FeasibilityChecks.box(p);
    if (failure.isPresent()) {
      return failure.get();
    }
    if (p.coalitions().isEmpty()) {
      return FeasibilityChecks.individuallyRationalBox(p).orElseGet(() -> waterFill(p));
    }
    double s = p.surplus();
    if (s < 0) {
      return BargainingResult.failed(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL, 0,
          "the surplus v(N) − Σd = " + s + " is negative");
    }
    if (s == 0) {
      return zeroSurplus(p);
    }
    return new CoreNashSolver(tolerance, maxIterations).solve(p);
  }

  private static BargainingResult waterFill(BargainingProblem p) {
    double[] d = p.disagreement();
    double[] w = p.weights();
    ClampedPath path = new ClampedPath(d, w, p.lowerBounds(), p.upperBounds());
    OptionalDouble tau = path.levelFor(p.totalValue());
    if (tau.isEmpty()) { // excluded by the feasibility checks; kept as a guard
      return BargainingResult.failed(BargainingStatus.INFEASIBLE, 0, "budget not reachable");
    }
    double t = tau.getAsDouble();
    double[] x = path.at(t);
    return BargainingResult.exact(x, t > 0 ? Optional.of(boxMultipliers(p, x, t)) : Optional.empty());
  }

  /** λ = 1/τ; a player held at a bound carries the gap between λ and its marginal w/(x − d). */
  private static KktMultipliers boxMultipliers(BargainingProblem p, double[] x, double tau) {
    double[] d = p.disagreement();
    double[] w = p.weights();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    int n = x.length;
    double lambda = 1 / tau;
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      double marginal = w[i] / (x[i] - d[i]);
      if (x[i] == lo[i] && lo[i] > d[i] + w[i] * tau) {
        lower[i] = lambda - marginal;
      } else if (x[i] == hi[i] && hi[i] < d[i] + w[i] * tau) {
        upper[i] = marginal - lambda;
      }
    }
    return new KktMultipliers(lambda, lower, upper, new double[0]);
  }

  /** S = 0: the only individually rational split is x = d. */
  private static BargainingResult zeroSurplus(BargainingProblem p) {
    double[] d = p.disagreement();
    double[] lo = p.lowerBounds();
    double[] hi = p.upperBounds();
    boolean feasible = p.coalitions().stream().allMatch(c -> c.sum(d) >= c.value());
    for (int i = 0; i < d.length; i++) {
      feasible &= lo[i] <= d[i] && d[i] <= hi[i];
    }
    return feasible
        ? new BargainingResult(BargainingStatus.SOLVED, d, Optional.empty(), 0, 0,
            "zero surplus: every player keeps its disagreement payoff " + Arrays.toString(d))
        : BargainingResult.failed(BargainingStatus.NOT_INDIVIDUALLY_RATIONAL, 0,
            "zero surplus and the disagreement point violates a bound or core constraint");
  }
}
