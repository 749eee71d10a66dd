package org.peergrid.market.bargaining;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The monotone path x_i(t) = clamp(d_i + t·r_i, lo_i, hi_i), t ≥ 0, with r ≥ 0, and the exact
 * level t at which Σ x_i(t) reaches a budget ("water-filling").
 *
 * <p>Σ x(t) is piecewise linear and non-decreasing in t with at most 2n breakpoints; the level is
 * found by sorting the breakpoints and interpolating on the one segment that crosses the budget,
 * which is exact up to rounding. O(n log n).
 */
final class ClampedPath {
  private final double[] d;
  private final double[] r;
  private final double[] lo;
  private final double[] hi;

  ClampedPath(double[] d, double[] r, double[] lo, double[] hi) {
    this.d = d;
    this.r = r;
    this.lo = lo;
    this.hi = hi;
  }

  /** x(t). */
  double[] at(double t) {
    double[] x = new double[d.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(hi[i], Math.max(lo[i], d[i] + t * r[i]));
    }
    return x;
  }

  /** Σ x(t). */
  double sumAt(double t) {
    return Arrays.stream(at(t)).sum();
  }

  /**
   * The smallest t ≥ 0 with Σ x(t) = budget, or empty when Σ x(0) &gt; budget or the path never
   * reaches the budget.
   */
  OptionalDouble levelFor(double budget) {
    double a = 0;
    double ga = sumAt(0);
    if (ga > budget) {
      return OptionalDouble.empty();
    }
    if (ga == budget) {
      return OptionalDouble.of(0);
    }
    for (double b : breakpoints()) {
      double gb = sumAt(b);
      if (gb >= budget) {
        return OptionalDouble.of(a + (budget - ga) * (b - a) / (gb - ga));
      }
      a = b;
      ga = gb;
    }
    double slope = 0;
    for (int i = 0; i < d.length; i++) {
      if (r[i] > 0 && hi[i] == Double.POSITIVE_INFINITY) {
        slope += r[i];
      }
    }
    return slope > 0 ? OptionalDouble.of(a + (budget - ga) / slope) : OptionalDouble.empty();
  }

  private double[] breakpoints() {
    return Arrays.stream(new double[][] {lo, hi})
        .flatMapToDouble(bound -> java.util.stream.IntStream.range(0, d.length)
            .filter(i -> r[i] > 0 && Double.isFinite(bound[i]))
            .mapToDouble(i -> (bound[i] - d[i]) / r[i]))
        .filter(t -> t > 0)
        .sorted()
        .distinct()
        .toArray();
  }
}
