package org.peergrid.market.probabilistic;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A cleared day as the point estimate method and Monte Carlo evaluate it (input values → output
 * vector, {@code null} for a day that cannot be cleared), with the tallies a {@link DayUncertainty}
 * reports, kept atomic because evaluations run in parallel. Implementations: {@link ClearingModel}
 * (a MATPOWER feeder) and {@link ThreePhaseClearingModel}.
 */
abstract class DayModel implements Function<double[], double[]>, AutoCloseable {
  /** Input values below 0 that entered a scenario as 0. */
  protected final AtomicInteger clippedValues = new AtomicInteger();
  /** Evaluations with an interval whose AC power flow did not converge. */
  protected final AtomicInteger acNotConverged = new AtomicInteger();
  /** The first failed evaluation's diagnosis. */
  protected final AtomicReference<String> firstFailure = new AtomicReference<>();

  abstract DayOutputs outputs();

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

  @Override
  public abstract void close();
}
