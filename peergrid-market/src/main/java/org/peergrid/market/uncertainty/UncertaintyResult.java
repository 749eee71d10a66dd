package org.peergrid.market.uncertainty;

import java.util.List;

/**
 * Mean and variance of each model output, and how many times the model was evaluated.
 *
 * @param outputs one entry per component of the model's output vector
 * @param evaluations deterministic model runs spent
 */
public record UncertaintyResult(List<OutputStatistics> outputs, int evaluations) {

  public UncertaintyResult {
    outputs = List.copyOf(outputs);
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
