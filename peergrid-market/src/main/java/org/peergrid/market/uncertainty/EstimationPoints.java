package org.peergrid.market.uncertainty;

/**
 * The input vectors at which the point estimate method evaluates the model, and their weights:
 * E[Y^j] ≈ Σ_i w_i·Y(x_i)^j. The weights sum to 1.
 */
public final class EstimationPoints {
  private final double[][] points;
  private final double[] weights;

  EstimationPoints(double[][] points, double[] weights) {
    this.points = points;
    this.weights = weights;
  }

  public int size() {
    return points.length;
  }

  /** A copy of input vector i. */
  public double[] point(int i) {
    return points[i].clone();
  }

  public double weight(int i) {
    return weights[i];
  }
}
