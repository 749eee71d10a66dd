package org.peergrid.market.probabilistic;

import java.util.function.Supplier;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;
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
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    return run(inputs, () -> new ClearingModel(scenario, inputs, mechanism, warm), method, 0, 0,
        pem(method, progress));
  }

  /** A Monte Carlo estimate with {@code samples} clearings. */
  public DayUncertainty monteCarlo(Scenario scenario, int samples, long seed, ProgressListener progress) {
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    return run(inputs, () -> new ClearingModel(scenario, inputs, mechanism, warm), Method.MONTE_CARLO, samples, seed,
        monteCarlo(samples, seed, progress));
  }

  /**
   * A point estimate on a three-phase feeder: every evaluation clears the day on LinDist3Flow with the AC
   * check and correction and settles it with the mechanism ({@link ThreePhaseClearingModel}); the prices
   * are every phase node's DLMP. With {@code warm} each worker thread builds the feeder's model and
   * sensitivities once and reuses them; without, every evaluation builds them.
   */
  public DayUncertainty pointEstimate(ThreePhaseScenario scenario, Method method, ProgressListener progress) {
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    return run(inputs, () -> new ThreePhaseClearingModel(scenario, inputs, mechanism, warm), method, 0, 0,
        pem(method, progress));
  }

  /** A Monte Carlo estimate on a three-phase feeder with {@code samples} clearings. */
  public DayUncertainty monteCarlo(ThreePhaseScenario scenario, int samples, long seed, ProgressListener progress) {
    ScenarioInputs inputs = ScenarioInputs.of(scenario);
    return run(inputs, () -> new ThreePhaseClearingModel(scenario, inputs, mechanism, warm), Method.MONTE_CARLO,
        samples, seed, monteCarlo(samples, seed, progress));
  }

  private Estimator pem(Method method, ProgressListener progress) {
    Scheme scheme = switch (method) {
      case PEM_2M -> Scheme.TWO_M;
      case PEM_2M_PLUS_ONE -> Scheme.TWO_M_PLUS_ONE;
      case MONTE_CARLO -> throw new IllegalArgumentException("Monte Carlo needs samples and a seed");
    };
    PointEstimateMethod pem = new PointEstimateMethod(scheme, evaluator);
    return (inputs, model) -> pem.estimate(inputs.inputs(), model, progress);
  }

  private Estimator monteCarlo(int samples, long seed, ProgressListener progress) {
    MonteCarlo mc = new MonteCarlo(samples, seed, evaluator);
    return (inputs, model) -> mc.estimate(inputs.inputs(), model, progress);
  }

  private interface Estimator {
    UncertaintyResult estimate(ScenarioInputs inputs, DayModel model);
  }

  private DayUncertainty run(ScenarioInputs inputs, Supplier<DayModel> models, Method method, int samples, long seed,
      Estimator estimator) {
    try (DayModel model = models.get()) {
      long start = System.nanoTime();
      UncertaintyResult result = estimator.estimate(inputs, model);
      long wall = (System.nanoTime() - start) / 1_000_000;
      return new DayUncertainty(method, samples, seed, inputs, model.outputs(), result, wall, model.clippedValues(),
          model.acNotConverged(), model.firstFailure());
    }
  }
}
