package org.peergrid.market.uncertainty;

/**
 * The log-gamma function and the regularized incomplete beta function, to double precision.
 *
 * <p>Log-gamma: Lanczos approximation with g = 7, n = 9 and the reflection formula below 1/2.
 * Incomplete beta: continued fraction evaluated by the modified Lentz method, using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where it converges fast (Press et al., Numerical Recipes, 3rd ed.,
 * §6.1 and §6.4).
 */
final class SpecialFunctions {
  private static final double[] LANCZOS = {
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final int MAX_ITERATIONS = 1000;
  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;

  private SpecialFunctions() {}

  /** ln Γ(x) for x &gt; 0. */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    if (x < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
  static double logBeta(double a, double b) {
    return logGamma(a) + logGamma(b) - logGamma(a + b);
  }

  /** I_x(a, b) = B(x; a, b)/B(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1. */
  static double regularizedBeta(double x, double a, double b) {
    if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("regularizedBeta needs a, b > 0 and x in [0, 1]");
    }
    if (x == 0 || x == 1) {
      return x;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  private static double continuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = nonZero(1 - qab * x / qap);
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 / nonZero(1 + aa * d);
      c = nonZero(1 + aa / c);
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta continued fraction did not converge for a=" + a + ", b=" + b + ", x=" + x);
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }
}
