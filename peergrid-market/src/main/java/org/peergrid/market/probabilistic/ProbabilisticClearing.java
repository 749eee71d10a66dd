package org.peergrid.market.probabilistic;

import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.uncertainty.MonteCarlo;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.PointEstimateMethod;
import org.peergrid.market.uncertainty.PointEstimateMethod.Scheme;
import org.peergrid.market.uncertainty.ProgressListener;
import org.peergrid.market.uncertainty.UncertaintyResult;

/**
 * Clears a scenario's day under uncertain forecasts (MODEL.md §6): the random inputs come from the
 * scenario's {@code uncertainty} block, every evaluation clears a perturbed day with the mechanism,
 * and the point estimate method or Monte Carlo turns the evaluations into means and standard
 * deviations of the total cost, each participant's cost, each bus's DLMP per interval and the
 * lowest AC voltage. Evaluations run in parallel; by default each worker thread keeps its LPs and
 * re-solves them warm from one evaluation to the next ({@link ClearingModel}), {@code warm = false}
 * builds and solves every evaluation's LPs cold (the path before warm re-solves, kept to compare).
 */
public final class ProbabilisticClearing {
  private final MarketMechanism mechanism;
  private final ParallelEvaluator evaluator;
  private final boolean warm;

  public ProbabilisticClearing(MarketMechanism mechanism, ParallelEvaluator evaluator) {
    this(mechanism, evaluator, true);
  }

  public ProbabilisticClearing(MarketMechanism mechanism, ParallelEvaluator evaluator, boolean warm) {
    this.mechanism = mechanism;
    this.evaluator = evaluator;
    this.warm = warm;
  }

  /** A point estimate: {@code method} is {@link Method#PEM_2M} or {@link Method#PEM_2M_PLUS_ONE}. */
  public DayUncertainty pointEstimate(Scenario scenario, Method method, ProgressListener progress) {
    Scheme scheme = switch (method) {
      case PEM_2M -> Scheme.TWO_M;
      case PEM_2M_PLUS_ONE -> Scheme.TWO_M_PLUS_ONE;
      case MONTE_CARLO -> throw new IllegalArgumentException("Monte Carlo needs samples and a seed");
    };
    PointEstimateMethod pem = new PointEstimateMethod(scheme, evaluator);
    return run(scenario, method, 0, 0, (inputs, model) -> pem.estimate(inputs.inputs(), model, progress));
  }

  /** A Monte Carlo estimate with {@code samples} clearings. */
  public DayUncertainty monteCarlo(Scenario scenario, int samples, long seed, ProgressListener progress) {
    MonteCarlo mc = new MonteCarlo(samples, seed, evaluator);
    return run(scenario, Method.MONTE_CARLO, samples, seed,
        (inputs, model) -> mc.estimate(inputs.inputs(), model, progress));
  }

  private interface Estimator {
    UncertaintyResult estimate(ScenarioInputs inputs, ClearingModel model);
  }

  private DayUncertainty run(Scenario scenario, Method method, int samples, long seed, Estimator estimator) {
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    try (ClearingModel model = new ClearingModel(scenario, inputs, mechanism, warm)) {
      long start = System.nanoTime();
      UncertaintyResult result = estimator.estimate(inputs, model);
      long wall = (System.nanoTime() - start) / 1_000_000;
      return new DayUncertainty(method, samples, seed, inputs, model.outputs(), result, wall, model.clippedValues(),
          model.acNotConverged(), model.firstFailure());
    }
  }
}
