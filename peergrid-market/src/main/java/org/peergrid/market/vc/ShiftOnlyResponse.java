package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.ShiftableLoad;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The best response of a building whose only decisions are its shiftable load and curtailment (no
 * battery), in closed form. Its LP separates: Σ_t p_t (L_t + s_t − R_t + κ_t) Δt with
 * Σ s_t Δt = E, 0 ≤ s_t ≤ s^max in the window, 0 ≤ κ_t ≤ R_t. So the shiftable energy fills the
 * window's cheapest intervals first, each up to s^max (a fractional knapsack, whose greedy solution
 * is optimal), and renewables are curtailed exactly where the price is negative. Ties go to the
 * earlier interval, so the answer is a function of the prices alone.
 */
final class ShiftOnlyResponse {
  private ShiftOnlyResponse() {}

  static boolean applies(Building b) {
    return b.battery().isEmpty() && b.shiftable().isPresent();
  }

  static ParticipantSchedule of(Building b, double[] price, double hours) {
    ShiftableLoad shift = b.shiftable().orElseThrow();
    int n = price.length;
    double[] shifted = new double[n];
    List<Integer> window = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      if (shift.inWindow(t)) {
        window.add(t);
      }
    }
    window.sort(Comparator.<Integer>comparingDouble(t -> price[t]).thenComparingInt(t -> t));
    double left = shift.energyKwh();
    for (int t : window) {
      shifted[t] = Math.min(shift.maxKw(), left / hours);
      left -= shifted[t] * hours;
    }
    if (left > 1e-9 * Math.max(1, shift.energyKwh())) {
      throw new IllegalStateException(b.id() + " has no schedule of its own: its shiftable energy does not fit "
          + "its window");
    }
    double[] imports = new double[n];
    double[] exports = new double[n];
    double[] generation = new double[n];
    double[] curtailed = new double[n];
    for (int t = 0; t < n; t++) {
      curtailed[t] = price[t] < 0 ? b.renewableKw(t) : 0;
      generation[t] = b.renewableKw(t) - curtailed[t];
      double net = generation[t] - b.loadKw().get(t) - shifted[t];
      imports[t] = Math.max(0, -net);
      exports[t] = Math.max(0, net);
    }
    TimeSeries zero = TimeSeries.constant(0, n);
    return new ParticipantSchedule(b.id(), new TimeSeries(imports), new TimeSeries(exports), zero, zero, zero,
        new TimeSeries(shifted), new TimeSeries(generation), new TimeSeries(curtailed));
  }
}
