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
 * path resistance R_ij, ties in file order), each pair trading as much as both have left; what is
 * left trades with the utility at the root, which uses the wires too and so is charged alike.
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
   * @param lossFactors λ[t][k] for the loss-sensitivity method, null for distance
   * @param lossRate ρ [money/kWh per unit weight]
   */
  static List<Trade> match(Scenario s, DispatchSolution sol, ElectricalDistance distance, double[][] lossFactors,
      double lossRate, Surcharges surcharges) {
    double hours = s.horizon().hours();
    List<Trade> out = new ArrayList<>();
    List<Participant> ps = s.participants();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double[] left = new double[ps.size()];
      int[] bus = new int[ps.size()];
      for (int i = 0; i < ps.size(); i++) {
        ParticipantSchedule sch = sol.schedule(ps.get(i).id());
        left[i] = sch.netInjectionKw(t) * hours; // > 0 sells, < 0 buys
        bus[i] = s.network().radial().indexOf(ps.get(i).bus());
      }
      List<int[]> pairs = new ArrayList<>();
      for (int i = 0; i < ps.size(); i++) {
        for (int j = 0; j < ps.size(); j++) {
          if (left[i] > 1e-9 && left[j] < -1e-9) {
            pairs.add(new int[] {i, j});
          }
        }
      }
      pairs.sort((a, b) -> Double.compare(distance.between(bus[a[0]], bus[a[1]]),
          distance.between(bus[b[0]], bus[b[1]])));
      for (int[] pair : pairs) {
        double q = Math.min(left[pair[0]], -left[pair[1]]);
        if (q > 1e-9) {
          left[pair[0]] -= q;
          left[pair[1]] += q;
          out.add(trade(t, ps.get(pair[0]).id(), ps.get(pair[1]).id(), bus[pair[0]], bus[pair[1]], q, distance,
              lossFactors, lossRate, surcharges.onSales(pair[0], t) + surcharges.onPurchases(pair[1], t)));
        }
      }
      for (int i = 0; i < ps.size(); i++) {
        if (left[i] > 1e-9) {
          out.add(trade(t, ps.get(i).id(), Trade.GRID, bus[i], 0, left[i], distance, lossFactors, lossRate,
              surcharges.onSales(i, t)));
        } else if (left[i] < -1e-9) {
          out.add(trade(t, Trade.GRID, ps.get(i).id(), 0, bus[i], -left[i], distance, lossFactors, lossRate,
              surcharges.onPurchases(i, t)));
        }
      }
    }
    return out;
  }

  private static Trade trade(int t, String seller, String buyer, int from, int to, double kwh,
      ElectricalDistance distance, double[][] lossFactors, double lossRate, double surcharge) {
    double w = lossFactors == null ? distance.between(from, to) : Math.max(0, lossFactors[t][to] - lossFactors[t][from]);
    return new Trade(t, seller, buyer, from, to, kwh, w, lossRate * w, surcharge);
  }
}
