package org.peergrid.market.dispatch;

import java.util.Optional;

/**
 * The outcome of a dispatch: a status, a message for people (the diagnosis when infeasible), and
 * the solution when optimal. Infeasibility is an outcome, not an exception.
 *
 * @param status how the solve ended
 * @param message what happened, in a sentence
 * @param solution the schedule and prices, present exactly when the status is OPTIMAL
 * @param solveMillis wall time of building and solving the LP [ms]
 */
public record DispatchResult(DispatchStatus status, String message, Optional<DispatchSolution> solution,
    long solveMillis) {

  public DispatchResult {
    if ((status == DispatchStatus.OPTIMAL) != solution.isPresent()) {
      throw new IllegalArgumentException("a solution comes with status OPTIMAL and only then, got " + status);
    }
  }

  /** The solution; fails with the message when there is none. */
  public DispatchSolution optimal() {
    return solution.orElseThrow(() -> new IllegalStateException(status + ": " + message));
  }
}
