package org.peergrid.market.uncertainty;

import java.util.random.RandomGenerator;

/**
 * Draws from the gamma, beta and Weibull distributions using only a {@link RandomGenerator}.
 *
 * <p>Gamma: Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3),
 * 2000, with the boost Γ(a) = Γ(a + 1)·U^{1/a} for a &lt; 1. Beta: X/(X + Y) with X ~ Γ(α),
 * Y ~ Γ(β). Weibull: inversion, c·(−ln U)^{1/k}.
 */
final class RandomVariates {
  private RandomVariates() {}

  static double gamma(double shape, RandomGenerator rng) {
    if (shape < 1) {
      double u = openUnit(rng);
      return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = rng.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = openUnit(rng);
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  static double beta(double alpha, double beta, RandomGenerator rng) {
    double x = gamma(alpha, rng);
    double y = gamma(beta, rng);
    return x / (x + y);
  }

  static double weibull(double shape, double scale, RandomGenerator rng) {
    return scale * Math.pow(-Math.log(openUnit(rng)), 1 / shape);
  }

  /** Uniform on (0, 1]. */
  private static double openUnit(RandomGenerator rng) {
    return 1 - rng.nextDouble();
  }
}
