package org.peergrid.market.bargaining;

import java.util.Arrays;
import java.util.List;

/**
 * A bargaining problem with transferable utility, in payoff space: split the total value v(N)
 * into payoffs x_i with Σ x_i = v(N), lo_i ≤ x_i ≤ hi_i and Σ_{i∈C} x_i ≥ v(C) for the given
 * coalitions, measured against the disagreement point d (what each player gets without a deal).
 *
 * <p>Bounds may be infinite (no bound); everything else must be finite. Weights are the
 * bargaining powers w_i &gt; 0 of the (asymmetric) Nash product Π (x_i − d_i)^{w_i}; the
 * Kalai–Smorodinsky solver ignores them. Arrays are copied in and out.
 *
 * @param disagreement d_i, the payoff of player i without agreement
 * @param totalValue v(N), the value the grand coalition splits
 * @param lowerBounds lo_i (may be −∞)
 * @param upperBounds hi_i (may be +∞)
 * @param coalitions core constraints, possibly empty
 * @param weights bargaining powers w_i &gt; 0
 */
public record BargainingProblem(
    double[] disagreement,
    double totalValue,
    double[] lowerBounds,
    double[] upperBounds,
    List<CoalitionConstraint> coalitions,
    double[] weights) {

  public BargainingProblem {
    int n = disagreement.length;
    if (n == 0) {
      throw new IllegalArgumentException("a bargaining problem needs at least one player");
    }
    if (lowerBounds.length != n || upperBounds.length != n || weights.length != n) {
      throw new IllegalArgumentException("disagreement, bounds and weights must have length " + n);
    }
    if (!Double.isFinite(totalValue)) {
      throw new IllegalArgumentException("total value must be finite: " + totalValue);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(disagreement[i])) {
        throw new IllegalArgumentException("disagreement of player " + i + " must be finite");
      }
      if (Double.isNaN(lowerBounds[i]) || Double.isNaN(upperBounds[i])
          || lowerBounds[i] == Double.POSITIVE_INFINITY
          || upperBounds[i] == Double.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException("invalid bounds of player " + i);
      }
      if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("weight of player " + i + " must be positive and finite");
      }
    }
    for (CoalitionConstraint c : coalitions) {
      int[] m = c.members();
      if (m[m.length - 1] >= n) {
        throw new IllegalArgumentException("coalition " + c + " names a player beyond " + (n - 1));
      }
    }
    disagreement = disagreement.clone();
    lowerBounds = lowerBounds.clone();
    upperBounds = upperBounds.clone();
    weights = weights.clone();
    coalitions = List.copyOf(coalitions);
  }

  /** Disagreement d, total v(N), no bounds, no coalitions, equal weights. */
  public static BargainingProblem of(double[] disagreement, double totalValue) {
    int n = disagreement.length;
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] w = new double[n];
    Arrays.fill(lo, Double.NEGATIVE_INFINITY);
    Arrays.fill(hi, Double.POSITIVE_INFINITY);
    Arrays.fill(w, 1.0);
    return new BargainingProblem(disagreement, totalValue, lo, hi, List.of(), w);
  }

  /** This problem with payoff bounds lo ≤ x ≤ hi. */
  public BargainingProblem withBounds(double[] lo, double[] hi) {
    return new BargainingProblem(disagreement, totalValue, lo, hi, coalitions, weights);
  }

  /** This problem with the given core constraints. */
  public BargainingProblem withCoalitions(List<CoalitionConstraint> cs) {
    return new BargainingProblem(disagreement, totalValue, lowerBounds, upperBounds, cs, weights);
  }

  /** This problem with bargaining powers w. */
  public BargainingProblem withWeights(double[] w) {
    return new BargainingProblem(disagreement, totalValue, lowerBounds, upperBounds, coalitions, w);
  }

  /** Number of players. */
  public int size() {
    return disagreement.length;
  }

  /** The surplus of cooperation S = v(N) − Σ d_i. */
  public double surplus() {
    return totalValue - Arrays.stream(disagreement).sum();
  }

  @Override
  public double[] disagreement() {
    return disagreement.clone();
  }

  @Override
  public double[] lowerBounds() {
    return lowerBounds.clone();
  }

  @Override
  public double[] upperBounds() {
    return upperBounds.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BargainingProblem p
        && Double.compare(totalValue, p.totalValue) == 0
        && Arrays.equals(disagreement, p.disagreement)
        && Arrays.equals(lowerBounds, p.lowerBounds)
        && Arrays.equals(upperBounds, p.upperBounds)
        && Arrays.equals(weights, p.weights)
        && coalitions.equals(p.coalitions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(disagreement) ^ Double.hashCode(totalValue) ^ coalitions.hashCode();
  }

  @Override
  public String toString() {
    return "BargainingProblem[d=" + Arrays.toString(disagreement) + ", v=" + totalValue
        + ", lo=" + Arrays.toString(lowerBounds) + ", hi=" + Arrays.toString(upperBounds)
        + ", coalitions=" + coalitions + ", w=" + Arrays.toString(weights) + "]";
  }
}
