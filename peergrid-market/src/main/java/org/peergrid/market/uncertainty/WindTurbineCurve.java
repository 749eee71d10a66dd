package org.peergrid.market.uncertainty;

/**
 * The piecewise-linear wind turbine power curve of Atwa et al. (IEEE Trans. Power Systems 25(1),
 * 2010): 0 below the cut-in speed and at or above the cut-out speed, P_r between the rated and the
 * cut-out speed, and linear from 0 to P_r between cut-in and rated.
 *
 * @param cutIn v_ci &gt; 0 [m/s]
 * @param rated v_r &gt; v_ci [m/s]
 * @param cutOut v_co &gt; v_r [m/s]
 * @param ratedKw P_r &gt; 0 [kW]
 */
public record WindTurbineCurve(double cutIn, double rated, double cutOut, double ratedKw) {
  /** Default speeds (m/s), typical of small and medium turbines. */
  public static final double DEFAULT_CUT_IN = 3;

  public static final double DEFAULT_RATED = 12;
  public static final double DEFAULT_CUT_OUT = 25;

  public WindTurbineCurve {
    if (!(cutIn > 0 && rated > cutIn && cutOut > rated && Double.isFinite(cutOut))
        || !(ratedKw > 0 && Double.isFinite(ratedKw))) {
      throw new IllegalArgumentException("wind curve needs 0 < cut-in < rated < cut-out and rated power > 0, got "
          + cutIn + ", " + rated + ", " + cutOut + " m/s, " + ratedKw + " kW");
    }
  }

  /** The default speeds {@value #DEFAULT_CUT_IN}/{@value #DEFAULT_RATED}/{@value #DEFAULT_CUT_OUT} m/s. */
  public static WindTurbineCurve withDefaultSpeeds(double ratedKw) {
    return new WindTurbineCurve(DEFAULT_CUT_IN, DEFAULT_RATED, DEFAULT_CUT_OUT, ratedKw);
  }

  /** Power [kW] at wind speed v [m/s]. */
  public double power(double speed) {
    if (speed < cutIn || speed >= cutOut) {
      return 0;
    }
    if (speed >= rated) {
      return ratedKw;
    }
    return ratedKw * (speed - cutIn) / (rated - cutIn);
  }
}
