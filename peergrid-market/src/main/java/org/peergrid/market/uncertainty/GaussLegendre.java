package org.peergrid.market.uncertainty;

import java.util.function.DoubleUnaryOperator;

/**
 * Composite Gauss–Legendre quadrature. The nodes and weights of the n-point rule are the roots of
 * the Legendre polynomial P_n found by Newton's method (Press et al., Numerical Recipes, 3rd ed.,
 * §4.6); one rule is exact for polynomials of degree 2n − 1 on each panel.
 */
final class GaussLegendre {
  private final double[] nodes;
  private final double[] weights;

  GaussLegendre(int points) {
    if (points < 1) {
      throw new IllegalArgumentException("points must be >= 1");
    }
    nodes = new double[points];
    weights = new double[points];
    int n = points;
    for (int i = 0; i < (n + 1) / 2; i++) {
      double z = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative;
      double previous;
      do {
        double p1 = 1;
        double p2 = 0;
        for (int j = 1; j <= n; j++) {
          double p3 = p2;
          p2 = p1;
          p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
        }
        derivative = n * (z * p1 - p2) / (z * z - 1);
        previous = z;
        z = previous - p1 / derivative;
      } while (Math.abs(z - previous) > 1e-15);
      nodes[i] = -z;
      nodes[n - 1 - i] = z;
      weights[i] = 2 / ((1 - z * z) * derivative * derivative);
      weights[n - 1 - i] = weights[i];
    }
  }

  /** ∫_a^b f over {@code panels} equal panels. */
  double integrate(DoubleUnaryOperator f, double a, double b, int panels) {
    double h = (b - a) / panels;
    double sum = 0;
    for (int p = 0; p < panels; p++) {
      double mid = a + (p + 0.5) * h;
      double panel = 0;
      for (int i = 0; i < nodes.length; i++) {
        panel += weights[i] * f.applyAsDouble(mid + 0.5 * h * nodes[i]);
      }
      sum += 0.5 * h * panel;
    }
    return sum;
  }
}
