package org.peergrid.grid.threephase;

/** How a three-phase power flow ended. */
public enum ThreePhaseStatus {
  /** Voltages settled within the tolerance and no regulator wants to move. */
  CONVERGED,
  /** The current-injection iteration did not settle within the iteration limit. */
  NOT_CONVERGED,
  /** Voltages became infinite or NaN (loads beyond what the feeder can carry). */
  DIVERGED,
  /** Every power flow converged, but regulators were still moving taps after the control-iteration limit. */
  CONTROLS_NOT_SETTLED
}
