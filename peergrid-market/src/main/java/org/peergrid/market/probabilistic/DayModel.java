package org.peergrid.market.probabilistic;

import java.util.Optional;
import java.util.function.Function;

/**
 * A cleared day as the point estimate method and Monte Carlo evaluate it (input values → output
 * vector, {@code null} for a day that cannot be cleared), with the tallies a {@link DayUncertainty}
 * reports. Implementations: {@link ClearingModel} (a MATPOWER feeder) and {@link ThreePhaseClearingModel}.
 */
interface DayModel extends Function<double[], double[]>, AutoCloseable {
  DayOutputs outputs();

  /** Input values below 0 that entered a scenario as 0, over all evaluations. */
  int clippedValues();

  /** Evaluations in which some interval's AC power flow did not converge (left out of vmin). */
  int acNotConverged();

  /** Why some evaluation failed (one of them, whichever came first), if any did. */
  Optional<String> firstFailure();

  @Override
  void close();
}
