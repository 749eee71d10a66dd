package org.peergrid.market.probabilistic;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.scenario.Scenario;

/**
 * The deterministic model that the point estimate method and Monte Carlo evaluate: input values →
 * perturbed scenario → cleared day (LP, settlement, AC check) → {@link DayOutputs} vector, or
 * {@code null} when that day cannot be cleared (the library counts it as a failed evaluation).
 *
 * <p>Thread-safe: the scenario and the mechanism are immutable, the tallies are atomic, and every
 * clearing has its own power flow and GLOP solvers (separate MPSolver instances may run
 * concurrently; one instance must not be shared). With {@code warm} those solvers are one
 * {@link WarmSolvers} per worker thread, kept from one evaluation to the next so that every
 * evaluation after a thread's first re-solves the same LPs from their previous basis; without, every
 * clearing builds its own. {@link #close()} frees the warm solvers once the estimate is done.
 */
final class ClearingModel extends DayModel {
  private final Scenario base;
  private final ScenarioInputs inputs;
  private final MarketMechanism mechanism;
  private final DayOutputs outputs;
  private final boolean warm;
  /** Every thread's warm solvers, to close them all from the thread that made the estimate. */
  private final Queue<WarmSolvers> warmSolvers = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<WarmSolvers> threadSolvers = ThreadLocal.withInitial(() -> {
    WarmSolvers solvers = new WarmSolvers();
    warmSolvers.add(solvers);
    return solvers;
  });

  ClearingModel(Scenario base, ScenarioInputs inputs, MarketMechanism mechanism, boolean warm) {
    this.base = base;
    this.inputs = inputs;
    this.mechanism = mechanism;
    this.outputs = DayOutputs.of(base);
    this.warm = warm;
  }

  @Override
  public double[] apply(double[] x) {
    clippedValues.addAndGet(inputs.clippedValues(x));
    Scenario day = inputs.apply(base, x);
    ClearingResult result = warm ? mechanism.clear(day, threadSolvers.get()) : mechanism.clear(day);
    result.acCheck().filter(ac -> !ac.converged()).ifPresent(ac -> acNotConverged.incrementAndGet());
    Optional<double[]> y = outputs.extract(result);
    if (y.isEmpty()) {
      firstFailure.compareAndSet(null, result.dispatch().solution().isPresent()
          ? "no interval's AC power flow converged" : result.dispatch().message());
    }
    return y.orElse(null);
  }

  /** LP builds over all threads' warm solvers: one per problem and thread when every re-solve was warm. */
  int warmBuilds() {
    return warmSolvers.stream().mapToInt(WarmSolvers::builds).sum();
  }

  @Override
  public void close() {
    WarmSolvers solvers;
    while ((solvers = warmSolvers.poll()) != null) {
      solvers.close();
    }
  }

  @Override
  DayOutputs outputs() {
    return outputs;
  }
}
