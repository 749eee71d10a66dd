package org.peergrid.market.vc;

import org.peergrid.market.dispatch.ConvexCostResponder;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The exact best response in the game (docs/vc-game.md §3) of a building with neither battery nor
 * shiftable load, without an LP. Its only decision is curtailment κ_t ∈ [0, R_t], so its net
 * withdrawal q_t = (L_t − R_t + κ_t) Δt ranges over [(L_t − R_t) Δt, L_t Δt] and its problem
 * separates into one convex function of one variable per interval: min c_t(q_t) over that range.
 * A convex function's minimum over an interval is where its left slope is ≤ 0 ≤ its right slope
 * (or at an end), which bisection on the monotone slope finds; the kink at q = 0 is tried first,
 * since c_t changes formula there. The same answer as {@link ConvexCostResponder}'s cutting planes
 * (CurtailOnlyResponseTest holds it to the LP on seeded markets), at a tiny fraction of the cost:
 * most buildings of a large community are of this kind.
 */
final class CurtailOnlyResponse {
  /** Bisection stops when the bracket is narrower than this [kWh]. */
  private static final double WIDTH_KWH = 1e-12;

  private CurtailOnlyResponse() {}

  static boolean applies(Participant p) {
    return p instanceof Building b && b.battery().isEmpty() && b.shiftable().isEmpty();
  }

  /**
   * @return the best schedule, its cost and a lower bound on any schedule's cost (the minimiser is
   *     bracketed within {@link #WIDTH_KWH}, and a convex function cannot fall faster than its
   *     slopes there); cutRounds is 0
   */
  static ConvexCostResponder.Answer of(Building b, ConvexCostResponder.IntervalCost cost, int n, double hours) {
    double[] imports = new double[n];
    double[] exports = new double[n];
    double[] generation = new double[n];
    double[] curtailed = new double[n];
    double total = 0;
    double slack = 0;
    for (int t = 0; t < n; t++) {
      double renewable = b.renewableKw(t);
      double lo = (b.loadKw().get(t) - renewable) * hours;
      double hi = b.loadKw().get(t) * hours;
      double[] bracket = minimiser(cost, t, lo, hi);
      double q = bracket[0];
      double c = cost.cost(t, q);
      total += c;
      double steepest = Math.max(Math.abs(cost.slope(t, q, true)), Math.abs(cost.slope(t, q, false)));
      slack += steepest * (bracket[2] - bracket[1]);
      curtailed[t] = Math.min(renewable, Math.max(0, (q - lo) / hours));
      generation[t] = renewable - curtailed[t];
      double net = generation[t] - b.loadKw().get(t);
      imports[t] = Math.max(0, -net);
      exports[t] = Math.max(0, net);
    }
    TimeSeries zero = TimeSeries.constant(0, n);
    ParticipantSchedule s = new ParticipantSchedule(b.id(), new TimeSeries(imports), new TimeSeries(exports), zero,
        zero, zero, zero, new TimeSeries(generation), new TimeSeries(curtailed));
    return new ConvexCostResponder.Answer(s, total, total - slack, 0);
  }

  /** {q, lo, hi}: the chosen point and a bracket [lo, hi] ∋ q holding a minimiser of c_t over [lo, hi]. */
  private static double[] minimiser(ConvexCostResponder.IntervalCost cost, int t, double lo, double hi) {
    if (hi - lo <= 0) {
      return new double[] {lo, lo, lo};
    }
    if (cost.slope(t, lo, false) >= 0) {
      return new double[] {lo, lo, lo};
    }
    if (cost.slope(t, hi, true) <= 0) {
      return new double[] {hi, hi, hi};
    }
    // The kink: at q = 0 the cost switches from selling to buying.
    if (lo < 0 && hi > 0) {
      double left = cost.slope(t, 0, true);
      double right = cost.slope(t, 0, false);
      if (left <= 0 && right >= 0) {
        return new double[] {0, 0, 0};
      }
      if (right < 0) {
        lo = 0;
      } else {
        hi = 0;
      }
    }
    // Now the right slope is < 0 at lo and the left slope > 0 at hi: bisect on the sign of the slope.
    while (hi - lo > WIDTH_KWH * Math.max(1, Math.abs(lo) + Math.abs(hi))) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (cost.slope(t, mid, false) < 0) {
        lo = mid;
      } else if (cost.slope(t, mid, true) > 0) {
        hi = mid;
      } else {
        return new double[] {mid, mid, mid};
      }
    }
    double q = cost.cost(t, lo) <= cost.cost(t, hi) ? lo : hi;
    return new double[] {q, lo, hi};
  }
}
