package org.peergrid.market.uncertainty;

import java.util.ArrayList;
import java.util.List;

/**
 * How far an estimate (the point estimate method) is from a reference (Monte Carlo), output by
 * output, in the relative errors Morales and Pérez-Ruiz (2007) tabulate:
 * ε_μ = |μ − μ_ref|/|μ_ref| and ε_σ = |σ − σ_ref|/σ_ref.
 *
 * @param outputs one entry per model output
 */
public record UncertaintyComparison(List<OutputError> outputs) {

  /**
   * The errors of one output.
   *
   * @param meanError μ − μ_ref
   * @param stdError σ − σ_ref
   * @param relativeMeanError ε_μ (0 if both means are 0, infinite if only the reference is)
   * @param relativeStdError ε_σ (likewise)
   * @param meanErrorInStandardErrors |μ − μ_ref|/(σ_ref/√n_ref), how many of the reference's
   *     standard errors of the mean the difference amounts to (n_ref = its evaluations)
   */
  public record OutputError(
      double meanError, double stdError, double relativeMeanError, double relativeStdError,
      double meanErrorInStandardErrors) {}

  public UncertaintyComparison {
    outputs = List.copyOf(outputs);
  }

  public static UncertaintyComparison of(UncertaintyResult estimate, UncertaintyResult reference) {
    if (estimate.size() != reference.size()) {
      throw new IllegalArgumentException("the results have " + estimate.size() + " and " + reference.size() + " outputs");
    }
    List<OutputError> errors = new ArrayList<>(estimate.size());
    for (int j = 0; j < estimate.size(); j++) {
      double dMean = estimate.mean(j) - reference.mean(j);
      double dStd = estimate.std(j) - reference.std(j);
      double standardError = reference.std(j) / Math.sqrt(reference.successfulEvaluations());
      errors.add(new OutputError(dMean, dStd, relative(dMean, reference.mean(j)), relative(dStd, reference.std(j)),
          relative(dMean, standardError)));
    }
    return new UncertaintyComparison(errors);
  }

  public OutputError output(int index) {
    return outputs.get(index);
  }

  public double maxRelativeMeanError() {
    return outputs.stream().mapToDouble(OutputError::relativeMeanError).max().orElse(0);
  }

  public double maxRelativeStdError() {
    return outputs.stream().mapToDouble(OutputError::relativeStdError).max().orElse(0);
  }

  private static double relative(double difference, double reference) {
    if (difference == 0) {
      return 0;
    }
    return Math.abs(difference) / Math.abs(reference);
  }
}
