package org.peergrid.market.uncertainty;

import org.hipparchus.analysis.solvers.BisectionSolver;

/**
 * Finds the Weibull scale c for which the mean power through a turbine curve equals a forecast,
 * for a fixed shape k.
 *
 * <p>The mean power φ(c) tends to 0 both for c → 0 (calm) and for c → ∞ (beyond cut-out), and has a
 * single maximum φ* in between. A golden-section search on ln c over [v_ci/100, 100·v_co] finds the
 * maximum (to 1e-5 in ln c); bisection on ln c over the rising branch [v_ci/100, c*] (Hipparchus's {@link BisectionSolver})
 * then solves φ(c) = forecast to a
 * relative tolerance of 1e-12 in c. Of the two roots, the one on the rising branch (lighter winds,
 * mostly below cut-out) is returned.
 */
final class WeibullScaleFit {
  private static final double INVERSE_GOLDEN = (Math.sqrt(5) - 1) / 2;
  private static final double LOG_TOLERANCE = 1e-12;
  /** The maximum only brackets the root; φ is flat there, so 1e-5 in ln c moves φ* by ~1e-10. */
  private static final double PEAK_TOLERANCE = 1e-5;
  /** Bisection from ln(v_ci/100) to at most ln(100·v_co) to 1e-12 takes about 45 halvings of two evaluations. */
  private static final int MAX_EVALUATIONS = 1000;

  private WeibullScaleFit() {}

  static double scaleForMeanPower(double forecastKw, WindTurbineCurve curve, double shape) {
    double lo = Math.log(curve.cutIn() / 100);
    double hi = Math.log(curve.cutOut() * 100);
    double peak = argMax(curve, shape, lo, hi);
    double best = meanPower(Math.exp(peak), curve, shape);
    if (forecastKw > best) {
      throw new IllegalArgumentException("wind forecast " + forecastKw + " kW exceeds the largest mean power "
          + best + " kW that a Weibull speed with shape " + shape + " gives through " + curve);
    }
    double a = lo;
    double b = peak;
    if (meanPower(Math.exp(a), curve, shape) >= forecastKw) {
      return Math.exp(a);
    }
    double root = new BisectionSolver(LOG_TOLERANCE)
        .solve(MAX_EVALUATIONS, logScale -> meanPower(Math.exp(logScale), curve, shape) - forecastKw, a, b);
    return Math.exp(root);
  }

  static double meanPower(double scale, WindTurbineCurve curve, double shape) {
    return WindInput.expectation(p -> p, shape, scale, curve);
  }

  private static double argMax(WindTurbineCurve curve, double shape, double lo, double hi) {
    double a = lo;
    double b = hi;
    double x1 = b - INVERSE_GOLDEN * (b - a);
    double x2 = a + INVERSE_GOLDEN * (b - a);
    double f1 = meanPower(Math.exp(x1), curve, shape);
    double f2 = meanPower(Math.exp(x2), curve, shape);
    while (b - a > PEAK_TOLERANCE) {
      if (f1 < f2) {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + INVERSE_GOLDEN * (b - a);
        f2 = meanPower(Math.exp(x2), curve, shape);
      } else {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - INVERSE_GOLDEN * (b - a);
        f1 = meanPower(Math.exp(x1), curve, shape);
      }
    }
    return 0.5 * (a + b);
  }
}
