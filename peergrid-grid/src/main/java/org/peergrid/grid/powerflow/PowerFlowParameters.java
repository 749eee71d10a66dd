package org.peergrid.grid.powerflow;

/**
 * Settings of the radial power flow.
 *
 * @param tolerancePu the sweep stops when no bus voltage changes by more than this between two
 *     iterations [p.u.]; default {@value #DEFAULT_TOLERANCE_PU}
 * @param maxIterations iteration limit; default {@value #DEFAULT_MAX_ITERATIONS}
 */
public record PowerFlowParameters(double tolerancePu, int maxIterations) {
  public static final double DEFAULT_TOLERANCE_PU = 1e-10;
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  public static final PowerFlowParameters DEFAULT =
      new PowerFlowParameters(DEFAULT_TOLERANCE_PU, DEFAULT_MAX_ITERATIONS);

  public PowerFlowParameters {
    if (!(tolerancePu > 0) || tolerancePu > 0.1) {
      throw new IllegalArgumentException("tolerance must be in (0, 0.1] p.u., got " + tolerancePu);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
    }
  }
}
