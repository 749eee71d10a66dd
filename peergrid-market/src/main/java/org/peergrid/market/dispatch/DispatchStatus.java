package org.peergrid.market.dispatch;

/** How a dispatch solve ended. Only {@link #OPTIMAL} carries a schedule and prices. */
public enum DispatchStatus {
  /** An optimal schedule, with its prices. */
  OPTIMAL,
  /** No schedule meets every constraint; the result's message says which limits are to blame. */
  INFEASIBLE,
  /** The solver stopped without a proof either way (numerical trouble, a limit); the message says how. */
  SOLVER_FAILED
}
