package org.peergrid.market.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.apache.commons.numbers.gamma.LogGamma;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peergrid.market.uncertainty.PointEstimateMethod.Scheme;

/**
 * 2m+1 against 2m on the piecewise turbine curve: the random inputs are Weibull wind speeds and the
 * model sends each through its curve (cut-in, linear, rated, cut-out). The exact mean and variance
 * of the total power come from {@link WindInput}'s quadrature of the same curve (the turbines are
 * independent, so the variances add). The 2m points lie √m standard deviations from each speed's
 * mean, past the rated speed or below cut-in once m grows; the 2m+1 points do not move with m.
 */
class PiecewiseWindCurveTest {
  /** (k, c [m/s], P_r [kW]) of six turbines. */
  private static final double[][] TURBINES = {{2, 7, 100}, {1.8, 8, 50}, {2.2, 6.5, 80}, {2, 9, 120}, {2.5, 7.5, 60},
    {1.6, 6, 90}};

  private static final WindTurbineCurve[] CURVES = new WindTurbineCurve[TURBINES.length];

  static {
    for (int i = 0; i < TURBINES.length; i++) {
      CURVES[i] = WindTurbineCurve.withDefaultSpeeds(TURBINES[i][2]);
    }
  }

  /** A static method, not a lambda field: worker threads must not wait on this class's initialization. */
  private static double[] totalPower(double[] speeds) {
    double sum = 0;
    for (int i = 0; i < speeds.length; i++) {
      sum += CURVES[i].power(speeds[i]);
    }
    return new double[] {sum};
  }

  /** Moments of a Weibull(k, c) speed from E[vⁿ] = cⁿ Γ(1 + n/k). */
  private static Moments weibullSpeed(double k, double c) {
    double[] raw = new double[5];
    for (int n = 1; n <= 4; n++) {
      raw[n] = Math.pow(c, n) * Math.exp(LogGamma.value(1 + n / k));
    }
    double mu = raw[1];
    double m2 = raw[2] - mu * mu;
    double m3 = raw[3] - 3 * mu * raw[2] + 2 * mu * mu * mu;
    double m4 = raw[4] - 4 * mu * raw[3] + 6 * mu * mu * raw[2] - 3 * mu * mu * mu * mu;
    return Moments.fromCentral(mu, m2, m3, m4, c);
  }

  private static double[] errors(Scheme scheme, double exactMean, double exactStd) {
    List<Moments> speeds = new ArrayList<>();
    for (double[] t : TURBINES) {
      speeds.add(weibullSpeed(t[0], t[1]));
    }
    UncertaintyResult r = new PointEstimateMethod(scheme, new ParallelEvaluator(2))
        .estimateFromMoments(speeds, PiecewiseWindCurveTest::totalPower, ProgressListener.NONE);
    return new double[] {Math.abs(r.mean(0) / exactMean - 1), Math.abs(r.std(0) / exactStd - 1)};
  }

  @Test
  void twoMPlusOneBeatsTwoMOnTheTurbineCurve() {
    double mean = 0;
    double variance = 0;
    for (int i = 0; i < TURBINES.length; i++) {
      Moments power = new WindInput(TURBINES[i][0], TURBINES[i][1], CURVES[i]).moments();
      mean += power.mean();
      variance += power.variance();
    }
    double[] twoM = errors(Scheme.TWO_M, mean, Math.sqrt(variance));
    double[] twoMPlusOne = errors(Scheme.TWO_M_PLUS_ONE, mean, Math.sqrt(variance));
    System.out.printf("turbine curve, m = 6: 2m errors mean %.4f std %.4f; 2m+1 errors mean %.4f std %.4f%n",
        twoM[0], twoM[1], twoMPlusOne[0], twoMPlusOne[1]);
    assertThat(twoMPlusOne[0]).isLessThan(twoM[0]);
    assertThat(twoMPlusOne[1]).isLessThan(twoM[1]);
  }
}
