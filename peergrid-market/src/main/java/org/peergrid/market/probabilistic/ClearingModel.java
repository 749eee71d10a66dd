package org.peergrid.market.probabilistic;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.scenario.Scenario;

/**
 * The deterministic model that the point estimate method and Monte Carlo evaluate: input values →
 * perturbed scenario → cleared day (LP, settlement, AC check) → {@link DayOutputs} vector, or
 * {@code null} when that day cannot be cleared (the library counts it as a failed evaluation).
 *
 * <p>Thread-safe: the scenario and the mechanism are immutable, every clearing builds its own GLOP
 * solver (separate MPSolver instances may run concurrently; one instance must not be shared) and
 * its own power flow, and the tallies are atomic.
 */
final class ClearingModel implements Function<double[], double[]> {
  private final Scenario base;
  private final ScenarioInputs inputs;
  private final MarketMechanism mechanism;
  private final DayOutputs outputs;
  private final AtomicInteger clippedValues = new AtomicInteger();
  private final AtomicInteger acNotConverged = new AtomicInteger();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  ClearingModel(Scenario base, ScenarioInputs inputs, MarketMechanism mechanism) {
    this.base = base;
    this.inputs = inputs;
    this.mechanism = mechanism;
    this.outputs = DayOutputs.of(base);
  }

  @Override
  public double[] apply(double[] x) {
    clippedValues.addAndGet(inputs.clippedValues(x));
    ClearingResult result = mechanism.clear(inputs.apply(base, x));
    result.acCheck().filter(ac -> !ac.converged()).ifPresent(ac -> acNotConverged.incrementAndGet());
    Optional<double[]> y = outputs.extract(result);
    if (y.isEmpty()) {
      firstFailure.compareAndSet(null, result.dispatch().solution().isPresent()
          ? "no interval's AC power flow converged" : result.dispatch().message());
    }
    return y.orElse(null);
  }

  DayOutputs outputs() {
    return outputs;
  }

  /** Input values below 0 that entered a scenario as 0, over all evaluations. */
  int clippedValues() {
    return clippedValues.get();
  }

  /** Evaluations in which some interval's AC power flow did not converge (left out of vmin). */
  int acNotConverged() {
    return acNotConverged.get();
  }

  /** Why some evaluation failed (one of them, whichever came first), if any did. */
  Optional<String> firstFailure() {
    return Optional.ofNullable(firstFailure.get());
  }
}
