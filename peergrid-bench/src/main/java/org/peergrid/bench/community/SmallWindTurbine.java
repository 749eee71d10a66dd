package org.peergrid.bench.community;

import java.util.Random;

/**
 * A synthetic day of a small building-mounted wind turbine: hourly wind speeds from a Weibull
 * distribution (the usual model of wind speed, as in MODEL.md §6), correlated from hour to hour
 * through a Gaussian AR(1) process mapped to the Weibull marginal, then through a simple power
 * curve. All parameters are plausible round numbers for an urban site, not measurements.
 */
final class SmallWindTurbine {
  /** Weibull shape k and scale c [m/s]: a modest inland site (mean speed about 5.3 m/s). */
  static final double WEIBULL_SHAPE = 2.0;
  static final double WEIBULL_SCALE_MS = 6.0;
  /** Correlation of the underlying Gaussian from one hour to the next. */
  static final double HOURLY_CORRELATION = 0.85;
  static final double CUT_IN_MS = 3.0;
  static final double RATED_MS = 11.0;
  static final double CUT_OUT_MS = 25.0;

  private SmallWindTurbine() {}

  /** Output per kW of rating in each of {@code intervals} intervals (hourly speeds held within the hour). */
  static double[] outputPerKw(Random random, int intervals) {
    double[] hourly = new double[24];
    double z = random.nextGaussian();
    for (int h = 0; h < 24; h++) {
      z = HOURLY_CORRELATION * z + Math.sqrt(1 - HOURLY_CORRELATION * HOURLY_CORRELATION) * random.nextGaussian();
      hourly[h] = powerCurve(weibullQuantile(normalCdf(z)));
    }
    double[] out = new double[intervals];
    for (int t = 0; t < intervals; t++) {
      out[t] = hourly[(int) Math.floor(t * 24.0 / intervals)];
    }
    return out;
  }

  /** Fraction of rated power at wind speed v: cubic between cut-in and rated, flat to cut-out. */
  static double powerCurve(double speedMs) {
    if (speedMs < CUT_IN_MS || speedMs >= CUT_OUT_MS) {
      return 0;
    }
    if (speedMs >= RATED_MS) {
      return 1;
    }
    double cube = Math.pow(speedMs, 3);
    return (cube - Math.pow(CUT_IN_MS, 3)) / (Math.pow(RATED_MS, 3) - Math.pow(CUT_IN_MS, 3));
  }

  static double weibullQuantile(double u) {
    double clamped = Math.min(Math.max(u, 1e-12), 1 - 1e-12);
    return WEIBULL_SCALE_MS * Math.pow(-Math.log(1 - clamped), 1 / WEIBULL_SHAPE);
  }

  /** Φ(z) through the complementary error function (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    double erfc = poly * Math.exp(-x * x);
    return z >= 0 ? 1 - erfc / 2 : erfc / 2;
  }
}
