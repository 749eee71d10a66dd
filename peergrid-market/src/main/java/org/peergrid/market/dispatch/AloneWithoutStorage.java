package org.peergrid.market.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/**
 * The base case (MODEL.md §3) of a building without a battery or a shiftable load, in closed form
 * instead of an LP. Alone at the tariffs such a building has nothing to move between intervals: in
 * each interval it only chooses how much of its renewables to curtail, c ∈ [0, R_t], and exchanges
 * y = L_t − R_t + c with the utility at the cost f(y) = π⁺_t·max(y, 0) − π⁻_t·max(−y, 0) per hour.
 * A {@link org.peergrid.market.scenario.Tariff} has π⁺_t ≥ π⁻_t (it refuses others), so f is
 * convex and piecewise linear with its only kink at y = 0, and its minimum over the interval
 * [L_t − R_t, L_t] of reachable y lies at an end or at 0 (the candidates below); the LP of
 * {@link DispatchModel#copperPlate} has the same optimum (AloneWithoutStorageTest compares them on
 * seeded random buildings and tariffs). Buildings with storage, and EVs, go to the LP.
 *
 * <p>The solution has what the LP's {@link SolutionReader} gives for one bus: the schedule, the
 * exchange at the root, and the bus's price as the balance row's dual: π⁺ while buying, π⁻ while
 * selling, and, where nothing crosses the root, 0 held within [π⁻, π⁺]: one of the valid duals of
 * that degenerate case (0 is the only one where curtailment is the margin; the LP's note says any
 * price between the tariffs is valid), so there it may differ from the dual GLOP happens to return.
 */
final class AloneWithoutStorage {
  private AloneWithoutStorage() {}

  /** Whether {@code p}'s day alone can be solved here. */
  static boolean applies(Scenario s, Participant p) {
    return p instanceof Building b && b.battery().isEmpty() && b.shiftable().isEmpty();
  }

  /** The building's optimal day alone; {@link #applies} must hold. */
  static DispatchResult solve(Scenario s, Building b) {
    long start = System.nanoTime();
    DispatchModel m = DispatchModel.copperPlate(s, b);
    int nt = m.intervals;
    double[] curtailed = new double[nt];
    double[] generation = new double[nt];
    double[] imports = new double[nt];
    double[] exports = new double[nt];
    double[] gridImport = new double[nt];
    double[] gridExport = new double[nt];
    double[][] lambda = new double[nt][1];
    List<String> notes = new ArrayList<>();
    double objective = 0;
    for (int t = 0; t < nt; t++) {
      double load = b.loadKw().get(t);
      double renewable = b.renewableKw(t);
      double buy = m.importPrice[t];
      double sell = m.exportPrice[t];
      double lo = load - renewable; // nothing curtailed
      double hi = load; // everything curtailed
      double y = lo;
      for (double candidate : new double[] {Math.min(Math.max(0, lo), hi), hi}) {
        if (exchangeCost(candidate, buy, sell) < exchangeCost(y, buy, sell)) {
          y = candidate;
        }
      }
      curtailed[t] = y - lo;
      generation[t] = renewable - curtailed[t];
      double net = generation[t] - load;
      imports[t] = Math.max(0, -net);
      exports[t] = Math.max(0, net);
      gridImport[t] = Math.max(0, y);
      gridExport[t] = Math.max(0, -y);
      objective += m.hours * exchangeCost(y, buy, sell);
      double price;
      if (y > 0) {
        price = buy;
      } else if (y < 0) {
        price = sell;
      } else {
        price = Math.min(Math.max(0, sell), buy);
        notes.add("interval " + t + ": nothing crosses the root, so the price is set by neither tariff (any "
            + "energy price in [" + sell + ", " + buy + "] is valid)");
      }
      lambda[t][0] = m.hours * price;
    }
    ParticipantSchedule schedule = new ParticipantSchedule(b.id(), new TimeSeries(imports), new TimeSeries(exports),
        new TimeSeries(new double[nt]), new TimeSeries(new double[nt]), new TimeSeries(new double[nt]),
        new TimeSeries(new double[nt]), new TimeSeries(generation), new TimeSeries(curtailed));
    double[][] voltage = new double[nt][1];
    for (double[] v : voltage) {
      v[0] = Math.sqrt(m.rootVoltageSquared);
    }
    LocationalPrices prices = DlmpDecomposition.split(m.parent, m.r, lambda, new double[nt][1], new double[nt][1],
        m.hours);
    DispatchSolution solution = new DispatchSolution(objective, List.of(schedule), new TimeSeries(gridImport),
        new TimeSeries(gridExport), prices, new NetworkState(new BusSeries(new double[nt][1]), new BusSeries(voltage)),
        notes);
    return new DispatchResult(DispatchStatus.OPTIMAL, "optimal schedule of " + b.id() + " alone (closed form)",
        Optional.of(solution), (System.nanoTime() - start) / 1_000_000);
  }

  /** f(y) [money per hour] for an exchange y [kW] (positive: bought). */
  private static double exchangeCost(double y, double buy, double sell) {
    return y >= 0 ? buy * y : sell * y;
  }
}
