package org.peergrid.market.dispatch;

import java.util.Optional;

/**
 * Finds a branch whose fixed reactive flow alone exceeds its thermal limit: then no active flow
 * satisfies P² + Q² ≤ S², and the day is infeasible before any LP is built (MODEL.md §2, 5).
 */
final class ReactiveOverload {
  private ReactiveOverload() {}

  static Optional<String> find(DispatchModel m, double[][] q) {
    for (int t = 0; t < m.intervals; t++) {
      for (int k = 1; k < m.buses; k++) {
        if (Math.abs(q[t][k]) > m.limitPu[k]) {
          return Optional.of("infeasible: the reactive flow into bus " + m.busNumber[k] + " alone, "
              + round(m.kw(Math.abs(q[t][k]))) + " kvar in interval " + t + ", exceeds the branch's limit of "
              + round(m.kw(m.limitPu[k])) + " kVA; raise the limit or supply reactive power locally");
        }
      }
    }
    return Optional.empty();
  }

  private static String round(double v) {
    return String.valueOf(Math.round(v * 1000) / 1000.0);
  }
}
