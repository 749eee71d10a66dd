package org.peergrid.market.nuc;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * Bilateral trades from a cleared schedule (docs/nuc-ev.md): in each interval the participants that
 * inject sell and those that withdraw buy; seller–buyer pairs are matched nearest first (smallest
 * electrical distance {@link NucFeeder#distance}, ties in file order), each pair trading as much as
 * both have left; what is left trades with the utility at the root, which uses the wires too and so is charged alike.
 */
final class TradeMatching {
  private TradeMatching() {}

  /**
   * The share of a trade's loss charge that one participant side pays: half each on a trade between
   * peers, all of it on a trade with the utility (which pays no charges).
   */
  static double lossShare(Trade x) {
    return Trade.GRID.equals(x.seller()) || Trade.GRID.equals(x.buyer()) ? 1 : 0.5;
  }

  /**
   * @param lossFactors λ[t][participant] for the loss-sensitivity method, null for distance
   * @param lossRate ρ [money/kWh per unit weight]
   */
  static List<Trade> match(Scenario s, DispatchSolution sol, NucFeeder<?> feeder, double[][] lossFactors,
      double lossRate, Surcharges surcharges) {
    double hours = s.horizon().hours();
    List<Trade> out = new ArrayList<>();
    List<Participant> ps = s.participants();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double[] left = new double[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        ParticipantSchedule sch = sol.schedule(ps.get(i).id());
        left[i] = sch.netInjectionKw(t) * hours; // > 0 sells, < 0 buys
      }
      List<int[]> pairs = new ArrayList<>();
      for (int i = 0; i < ps.size(); i++) {
        for (int j = 0; j < ps.size(); j++) {
          if (left[i] > 1e-9 && left[j] < -1e-9) {
            pairs.add(new int[] {i, j});
          }
        }
      }
      pairs.sort((a, b) -> Double.compare(feeder.distance(a[0], a[1]), feeder.distance(b[0], b[1])));
      for (int[] pair : pairs) {
        double q = Math.min(left[pair[0]], -left[pair[1]]);
        if (q > 1e-9) {
          left[pair[0]] -= q;
          left[pair[1]] += q;
          out.add(trade(t, ps, pair[0], pair[1], q, feeder, lossFactors, lossRate,
              surcharges.onSales(pair[0], t) + surcharges.onPurchases(pair[1], t)));
        }
      }
      for (int i = 0; i < ps.size(); i++) {
        if (left[i] > 1e-9) {
          out.add(trade(t, ps, i, NucFeeder.GRID, left[i], feeder, lossFactors, lossRate, surcharges.onSales(i, t)));
        } else if (left[i] < -1e-9) {
          out.add(trade(t, ps, NucFeeder.GRID, i, -left[i], feeder, lossFactors, lossRate,
              surcharges.onPurchases(i, t)));
        }
      }
    }
    return out;
  }

  /** A trade from participant {@code from} to {@code to} (either {@link NucFeeder#GRID}). */
  private static Trade trade(int t, List<Participant> ps, int from, int to, double kwh, NucFeeder<?> feeder,
      double[][] lossFactors, double lossRate, double surcharge) {
    double w = lossFactors == null ? feeder.distance(from, to)
        : Math.max(0, lambda(lossFactors, t, to) - lambda(lossFactors, t, from));
    return new Trade(t, from == NucFeeder.GRID ? Trade.GRID : ps.get(from).id(),
        to == NucFeeder.GRID ? Trade.GRID : ps.get(to).id(), feeder.bus(from), feeder.bus(to), kwh, w, lossRate * w,
        surcharge);
  }

  private static double lambda(double[][] lossFactors, int t, int participant) {
    return participant == NucFeeder.GRID ? 0 : lossFactors[t][participant];
  }
}
