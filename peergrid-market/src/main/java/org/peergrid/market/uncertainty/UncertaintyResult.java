package org.peergrid.market.uncertainty;

import java.util.List;

/**
 * Mean and variance of each model output, and how many times the model was evaluated.
 *
 * <p>A model may return {@code null} for an input it cannot evaluate (a market day that the sample
 * makes infeasible). Monte Carlo leaves such samples out, so its statistics are conditional on the
 * model succeeding; the point estimate method cannot drop a point without biasing its quadrature,
 * so one failed point makes all its statistics NaN. {@link #failedEvaluations()} counts them.
 *
 * @param outputs one entry per component of the model's output vector (NaN statistics when there
 *     are none, see above)
 * @param evaluations deterministic model runs spent, failed ones included
 * @param failedEvaluations runs for which the model returned {@code null}
 */
public record UncertaintyResult(List<OutputStatistics> outputs, int evaluations, int failedEvaluations) {

  public UncertaintyResult {
    outputs = List.copyOf(outputs);
    if (failedEvaluations < 0 || failedEvaluations > evaluations) {
      throw new IllegalArgumentException("failed evaluations must be in [0, " + evaluations + "], got "
          + failedEvaluations);
    }
  }

  /** A result in which every evaluation succeeded. */
  public UncertaintyResult(List<OutputStatistics> outputs, int evaluations) {
    this(outputs, evaluations, 0);
  }

  /** Evaluations whose outputs entered the statistics. */
  public int successfulEvaluations() {
    return evaluations - failedEvaluations;
  }

  /** Whether the statistics are numbers (false when PEM lost a point or MC had fewer than 2 successes). */
  public boolean hasStatistics() {
    return !outputs.isEmpty() && outputs.stream().noneMatch(o -> Double.isNaN(o.mean()));
  }

  public OutputStatistics output(int index) {
    return outputs.get(index);
  }

  public double mean(int index) {
    return outputs.get(index).mean();
  }

  public double std(int index) {
    return outputs.get(index).std();
  }

  public int size() {
    return outputs.size();
  }
}
