package org.peergrid.market.probabilistic;

import java.util.Optional;
import org.peergrid.market.uncertainty.UncertaintyResult;

/**
 * The statistics of a scenario's cleared day under uncertain forecasts.
 *
 * @param method how they were estimated
 * @param samples Monte Carlo samples (0 for the point estimate method)
 * @param seed Monte Carlo seed (0 for the point estimate method)
 * @param inputs the random inputs
 * @param layout what each entry of the result is
 * @param result mean and variance of each entry, evaluation counts
 * @param wallMillis wall time of all the clearings [ms]
 * @param clippedValues input values below 0 that entered a scenario as 0
 * @param acNotConverged evaluations with an interval whose AC power flow did not converge
 * @param firstFailure why an evaluation failed, when one did
 */
public record DayUncertainty(Method method, int samples, long seed, ScenarioInputs inputs, DayOutputs layout,
    UncertaintyResult result, long wallMillis, int clippedValues, int acNotConverged, Optional<String> firstFailure) {

  /** E[output j], NaN when there are no statistics (see {@link UncertaintyResult#hasStatistics()}). */
  public double mean(int j) {
    return j < result.size() ? result.mean(j) : Double.NaN;
  }

  /** σ of output j, NaN when there are no statistics. */
  public double std(int j) {
    return j < result.size() ? result.std(j) : Double.NaN;
  }

  public double totalCostMean() {
    return mean(DayOutputs.TOTAL_COST);
  }

  public double totalCostStd() {
    return std(DayOutputs.TOTAL_COST);
  }

  public double vminMean() {
    return mean(DayOutputs.VMIN);
  }

  public double vminStd() {
    return std(DayOutputs.VMIN);
  }

  /** Wall time per evaluation [ms]. */
  public double millisPerEvaluation() {
    return result.evaluations() == 0 ? 0 : (double) wallMillis / result.evaluations();
  }
}
