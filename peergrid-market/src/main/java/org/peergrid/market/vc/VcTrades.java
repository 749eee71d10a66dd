package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * Splits a schedule's energy into the thesis's three kinds of trade, per interval: inside a
 * community, sellers' energy goes first to buyers (B2B); the community's surplus or deficit is
 * traded with its coordinator (B2C); coordinators match surpluses with deficits across communities
 * pro rata (C2C), and what remains crosses the substation.
 *
 * <p>Prices: every internal trade is at λ_0,t, the energy part of the DLMP, which the coordinators
 * take from the DSO: it is the price at which the agents' best responses clear, and a different
 * internal price would move them off the equilibrium. Each member also pays the DSO the rest of its
 * DLMP (voltage and congestion parts) on its net withdrawal. So every member pays exactly its DLMP,
 * and the coordinators break even: what they collect as B2C equals what they pay as C2C and at the root.
 */
public final class VcTrades {
  private VcTrades() {}

  /** The prices the trades are settled at. */
  public interface Prices {
    /** λ_0,t, the DLMP's energy part [money/kWh]. */
    double energy(int t);

    /** A participant's DLMP in interval t [money/kWh]. */
    double dlmp(String participantId, int t);
  }

  public static List<TradeRow> of(Scenario s, Grouping grouping, DispatchSolution solution) {
    RadialNetwork radial = s.network().radial();
    Map<String, Participant> byId = new HashMap<>();
    s.participants().forEach(p -> byId.put(p.id(), p));
    return of(s, grouping, solution::schedule, new Prices() {
      @Override
      public double energy(int t) {
        return solution.prices().energy().get(t, 0);
      }

      @Override
      public double dlmp(String participantId, int t) {
        return solution.prices().dlmp().get(t, radial.indexOf(byId.get(participantId).bus()));
      }
    });
  }

  /** The same for any feeder: each participant's schedule by id and the prices (a three-phase day's, say). */
  public static List<TradeRow> of(Scenario s, Grouping grouping, Function<String, ParticipantSchedule> schedule,
      Prices prices) {
    double hours = s.horizon().hours();
    List<TradeRow> rows = new ArrayList<>();
    List<VirtualCommunity> vcs = grouping.communities();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      double lambda0 = prices.energy(t);
      double[] excess = new double[vcs.size()];
      double[] b2b = new double[vcs.size()];
      double[] network = new double[vcs.size()];
      double surplus = 0;
      double deficit = 0;
      for (int v = 0; v < vcs.size(); v++) {
        double sold = 0;
        double bought = 0;
        for (String id : vcs.get(v).members()) {
          ParticipantSchedule x = schedule.apply(id);
          double net = -x.netInjectionKw(t) * hours;
          sold += x.exportKw().get(t) * hours;
          bought += x.importKw().get(t) * hours;
          double dlmp = prices.dlmp(id, t);
          network[v] += (dlmp - lambda0) * net;
        }
        b2b[v] = Math.min(sold, bought);
        excess[v] = sold - bought;
        surplus += Math.max(0, excess[v]);
        deficit += Math.max(0, -excess[v]);
      }
      double matched = Math.min(surplus, deficit);
      for (int v = 0; v < vcs.size(); v++) {
        double e = excess[v];
        double c2cSell = e > 0 ? e * matched / surplus : 0;
        double c2cBuy = e < 0 ? -e * matched / deficit : 0;
        double rootSell = Math.max(0, e) - c2cSell;
        double rootBuy = Math.max(0, -e) - c2cBuy;
        rows.add(new TradeRow(t, vcs.get(v).id(), b2b[v], Math.max(0, -e), Math.max(0, e), c2cBuy, c2cSell,
            rootBuy, rootSell, lambda0, lambda0 * b2b[v], lambda0 * -e, lambda0 * (c2cBuy - c2cSell),
            lambda0 * (rootBuy - rootSell), network[v]));
      }
    }
    return rows;
  }
}
