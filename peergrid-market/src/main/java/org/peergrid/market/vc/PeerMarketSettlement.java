package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.settlement.SettlementRow;

/**
 * The money and the trades of the non-cooperative game's final offers under {@link PeerMarketRules}:
 * B2B pro rata inside each community, the residuals between communities (C2C, or B2C where one side
 * is a one-member community), the rest with the utility at the tariffs, and the DSO's network charge
 * on every net withdrawal's difference from the participant's baseline. Checks that every market balances in every interval (energy bought =
 * energy sold) and that the participants' rows add up to what the community-level trades say.
 */
public final class PeerMarketSettlement {
  /** Relative tolerance of the balance checks (rounding of sums over participants). */
  static final double BALANCE_TOLERANCE = 1e-9;

  /** @param trades every trade; @param settlement one row per participant and interval */
  public record Result(List<GameTrade> trades, SettlementResult settlement) {}

  private PeerMarketSettlement() {}

  /**
   * @param schedules in scenario order
   * @param chargePerKwh [participant in scenario order][interval]
   * @param baselineKwh the net withdrawal alone on whose difference the charge is levied, likewise
   * @param utilityBill what the utility bills at the root for the schedule [money]
   */
  public static Result of(Scenario s, Grouping grouping, List<ParticipantSchedule> schedules,
      double[][] chargePerKwh, double[][] baselineKwh, BaseCase base, double utilityBill) {
    int n = s.horizon().intervals();
    double hours = s.horizon().hours();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < s.participants().size(); i++) {
      index.put(s.participants().get(i).id(), i);
    }
    List<GameTrade> trades = new ArrayList<>();
    List<SettlementRow> rows = new ArrayList<>();
    double[] net = new double[s.participants().size()];
    double gridMoney = 0;
    double charges = 0;
    List<VirtualCommunity> vcs = grouping.communities();
    for (int t = 0; t < n; t++) {
      double pb = s.tariff().importPrice().get(t);
      double ps = s.tariff().exportPrice().get(t);
      double m = PeerMarketRules.peerPrice(pb, ps);
      double[] q = new double[s.participants().size()];
      for (int i = 0; i < q.length; i++) {
        q[i] = -schedules.get(i).netInjectionKw(t) * hours;
      }
      double[] supply = new double[vcs.size()];
      double[] demand = new double[vcs.size()];
      double surplus = 0;
      double deficit = 0;
      for (int v = 0; v < vcs.size(); v++) {
        for (String id : vcs.get(v).members()) {
          double x = q[index.get(id)];
          supply[v] += Math.max(0, -x);
          demand[v] += Math.max(0, x);
        }
        surplus += Math.max(0, supply[v] - demand[v]);
        deficit += Math.max(0, demand[v] - supply[v]);
      }
      double buyersServed = surplus <= 0 ? 0 : Math.min(1, surplus / deficit);
      double sellersServed = deficit <= 0 ? 0 : Math.min(1, deficit / surplus);
      double peerBought = 0;
      double peerSold = 0;
      for (int v = 0; v < vcs.size(); v++) {
        VirtualCommunity c = vcs.get(v);
        double inside = Math.min(supply[v], demand[v]);
        for (String seller : c.members()) {
          for (String buyer : c.members()) {
            double kwh = Math.max(0, -q[index.get(seller)]) * Math.max(0, q[index.get(buyer)]) * inside
                / (supply[v] * demand[v]);
            if (kwh > 0) {
              trades.add(new GameTrade(t, "B2B", seller, buyer, kwh, m));
            }
          }
        }
        for (String id : c.members()) {
          int i = index.get(id);
          double b = Math.max(0, q[i]);
          double sold = Math.max(0, -q[i]);
          double peerBuy = b <= 0 ? 0 : b * inside / demand[v] + (b - b * inside / demand[v]) * buyersServed;
          double peerSell = sold <= 0 ? 0 : sold * inside / supply[v] + (sold - sold * inside / supply[v])
              * sellersServed;
          peerBought += peerBuy;
          peerSold += peerSell;
          double paid = m * peerBuy + pb * (b - peerBuy);
          double received = m * peerSell + ps * (sold - peerSell);
          double charge = chargePerKwh[i][t] * (q[i] - baselineKwh[i][t]);
          charges += charge;
          net[i] += paid - received + charge;
          rows.add(new SettlementRow(id, t, b, sold, m, paid, received, charge));
        }
        double def = Math.max(0, demand[v] - supply[v]);
        double sur = Math.max(0, supply[v] - demand[v]);
        if (def > 0 && def * (1 - buyersServed) > 0) {
          trades.add(new GameTrade(t, "GRID", "GRID", side(c), def * (1 - buyersServed), pb));
          gridMoney += pb * def * (1 - buyersServed);
        }
        if (sur > 0 && sur * (1 - sellersServed) > 0) {
          trades.add(new GameTrade(t, "GRID", side(c), "GRID", sur * (1 - sellersServed), ps));
          gridMoney -= ps * sur * (1 - sellersServed);
        }
      }
      double matched = Math.min(surplus, deficit);
      for (int w = 0; w < vcs.size() && matched > 0; w++) {
        double sur = Math.max(0, supply[w] - demand[w]);
        for (int v = 0; v < vcs.size() && sur > 0; v++) {
          double def = Math.max(0, demand[v] - supply[v]);
          if (def > 0) {
            String type = vcs.get(w).members().size() == 1 || vcs.get(v).members().size() == 1 ? "B2C" : "C2C";
            trades.add(new GameTrade(t, type, side(vcs.get(w)), side(vcs.get(v)),
                sur * def * matched / (surplus * deficit), m));
          }
        }
      }
      double scale = 1 + peerBought + peerSold;
      if (Math.abs(peerBought - peerSold) > BALANCE_TOLERANCE * scale) {
        throw new IllegalStateException("peer market of interval " + t + " does not balance: bought " + peerBought
            + " kWh, sold " + peerSold + " kWh");
      }
    }
    return new Result(trades, settlement(s, schedules, rows, net, base, utilityBill, gridMoney + charges - utilityBill));
  }

  /** A community's name in a trade: the participant when it is alone, else the community. */
  private static String side(VirtualCommunity c) {
    return c.members().size() == 1 ? c.members().get(0) : c.id();
  }

  private static SettlementResult settlement(Scenario s, List<ParticipantSchedule> schedules, List<SettlementRow> rows,
      double[] net, BaseCase base, double utilityBill, double dsoSurplus) {
    double participantsNet = 0;
    for (SettlementRow r : rows) {
      participantsNet += r.net();
    }
    double scale = 1 + Math.abs(participantsNet) + Math.abs(utilityBill) + Math.abs(dsoSurplus);
    if (Math.abs(participantsNet - utilityBill - dsoSurplus) > BALANCE_TOLERANCE * scale) {
      throw new IllegalStateException("vc-game does not balance: participants pay " + participantsNet
          + " net, the utility bill plus the DSO's charges and tariff margin is " + (utilityBill + dsoSurplus));
    }
    List<ParticipantSettlement> out = new ArrayList<>();
    double total = 0;
    double hours = s.horizon().hours();
    for (int i = 0; i < net.length; i++) {
      Participant p = s.participants().get(i);
      double cost = net[i] + DlmpSettlement.degradation(p, schedules.get(i), hours);
      if (BaseCase.hasBaseCase(p)) {
        double c0 = base.cost(p.id());
        total += cost;
        out.add(new ParticipantSettlement(p.id(), OptionalDouble.of(c0), cost, OptionalDouble.of(c0 - cost),
            cost <= c0 + 1e-6));
      } else {
        out.add(new ParticipantSettlement(p.id(), OptionalDouble.empty(), cost, OptionalDouble.empty(), true));
      }
    }
    return new SettlementResult(rows, out, utilityBill, dsoSurplus, participantsNet, base.total(), total);
  }
}
