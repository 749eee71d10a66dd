package org.peergrid.market.uncertainty;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Composite Gauss–Legendre quadrature: the n-point rule on [−1, 1] from Hipparchus
 * ({@link GaussIntegratorFactory#legendre(int)}), applied on equal panels; one rule is exact for
 * polynomials of degree 2n − 1 on each panel.
 */
final class GaussLegendre {
  private final double[] nodes;
  private final double[] weights;

  GaussLegendre(int points) {
    if (points < 1) {
      throw new IllegalArgumentException("points must be >= 1");
    }
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(points);
    nodes = new double[points];
    weights = new double[points];
    for (int i = 0; i < points; i++) {
      nodes[i] = rule.getPoint(i);
      weights[i] = rule.getWeight(i);
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
