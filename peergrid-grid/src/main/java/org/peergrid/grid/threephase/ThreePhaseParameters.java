package org.peergrid.grid.threephase;

/**
 * Settings of the three-phase power flow.
 *
 * @param tolerance stop when no node voltage moves by more than this between iterations, p.u. of its base
 * @param maxIterations largest number of current-injection iterations per power flow
 * @param controls whether regulators move their taps (OpenDSS {@code ControlMode=STATIC}) or stay put ({@code OFF})
 * @param maxControlIterations largest number of power flows in the tap-control loop (OpenDSS {@code MaxControlIter})
 */
public record ThreePhaseParameters(double tolerance, int maxIterations, boolean controls, int maxControlIterations) {
  public ThreePhaseParameters {
    if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be a positive number of p.u., got " + tolerance);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("the iteration limit must be at least 1, got " + maxIterations);
    }
    if (maxControlIterations < 1) {
      throw new IllegalArgumentException("the control-iteration limit must be at least 1, got " + maxControlIterations);
    }
  }

  /** 1e-10 p.u., 200 iterations, controls on, 10 control iterations (OpenDSS's default limit). */
  public static ThreePhaseParameters defaults() {
    return new ThreePhaseParameters(1e-10, 200, true, 10);
  }
}
