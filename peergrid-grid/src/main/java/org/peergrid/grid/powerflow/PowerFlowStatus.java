package org.peergrid.grid.powerflow;

/** How a power flow ended. Non-convergence is an outcome, never an exception. */
public enum PowerFlowStatus {
  /** The voltage update fell below the tolerance. */
  CONVERGED,
  /** The iteration limit was reached first. */
  MAX_ITERATIONS,
  /** Voltages collapsed toward zero or became non-numbers: the loading has no solution the sweep can find. */
  DIVERGED
}
