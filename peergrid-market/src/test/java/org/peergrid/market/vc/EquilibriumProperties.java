package org.peergrid.market.vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peergrid.market.dispatch.ConvexCostResponder;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * What issue 14 asks of an equilibrium on a real day, as properties (no pinned figures): ε within
 * 0.1 % of each player's cost alone, price of anarchy ≥ 1, every building at least as well off as
 * alone, trades that balance per interval and market, the AC check passing; and every player's ε
 * found again by a best response computed apart from the game loop.
 */
final class EquilibriumProperties {
  private EquilibriumProperties() {}

  static void assertHold(Scenario s, VcGameClearing c) {
    VcEquilibrium e = c.equilibrium().orElseThrow();
    assertThat(e.converged()).isTrue();
    assertThat(e.largestEpsilonPct().orElseThrow()).isLessThanOrEqualTo(0.1);
    assertThat(c.priceOfAnarchy().orElseThrow()).isGreaterThanOrEqualTo(1 - 1e-9);
    assertThat(c.clearing().settlement().orElseThrow().participants())
        .allSatisfy(p -> assertThat(p.individuallyRational()).as(p.participant()).isTrue());
    assertThat(c.clearing().acCheck().orElseThrow().violations()).isEmpty();
    assertThat(c.networkSlackKwh()).isLessThan(1e-6);
    assertTradesBalance(s, c);
  }

  /**
   * In every interval, the participants' net withdrawal equals what the grid trades bring in less
   * what they take out (peer trades cancel), and every community's net withdrawal equals its
   * trades with other communities and the grid.
   */
  static void assertTradesBalance(Scenario s, VcGameClearing c) {
    assertTradesBalance(s, c.equilibrium().orElseThrow(), c.trades());
  }

  /** The same for an equilibrium and its trades on any feeder. */
  static void assertTradesBalance(Scenario s, VcEquilibrium e, List<GameTrade> trades) {
    double hours = s.horizon().hours();
    for (int t = 0; t < s.horizon().intervals(); t++) {
      final int interval = t;
      double net = 0;
      for (ParticipantSchedule x : e.schedules()) {
        net -= x.netInjectionKw(t) * hours;
      }
      List<GameTrade> now = trades.stream().filter(x -> x.interval() == interval).toList();
      double grid = now.stream().filter(x -> x.type().equals("GRID"))
          .mapToDouble(x -> x.seller().equals("GRID") ? x.kwh() : -x.kwh()).sum();
      assertThat(grid).as("interval %d", t).isCloseTo(net, within(1e-6 * (1 + Math.abs(net))));
      for (VirtualCommunity vc : e.grouping().communities()) {
        String side = vc.members().size() == 1 ? vc.members().get(0) : vc.id();
        double members = 0;
        for (String id : vc.members()) {
          members -= schedule(s, e, id).netInjectionKw(t) * hours;
        }
        double outside = now.stream().filter(x -> !x.type().equals("B2B"))
            .mapToDouble(x -> (x.buyer().equals(side) ? x.kwh() : 0) - (x.seller().equals(side) ? x.kwh() : 0)).sum();
        assertThat(outside).as("%s in interval %d", vc.id(), t).isCloseTo(members, within(1e-6 * (1 + Math.abs(members))));
      }
    }
  }

  /**
   * For every player: the totals it faces, summed here from the final schedules (not from the
   * game's messages), its cost under {@link PeerMarketRules}, and a best response from a fresh LP
   * of its own; the gain must be the reported ε, which is an upper bound within the players' gap.
   */
  static void assertEpsilonFoundAgain(Scenario s, VcGameClearing c) {
    assertEpsilonFoundAgain(s, c.equilibrium().orElseThrow());
  }

  /** The same for an equilibrium on any feeder, {@code s} the day as its players see it. */
  static void assertEpsilonFoundAgain(Scenario s, VcEquilibrium e) {
    int n = s.horizon().intervals();
    double hours = s.horizon().hours();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < s.participants().size(); i++) {
      index.put(s.participants().get(i).id(), i);
    }
    double[][] q = new double[s.participants().size()][n];
    for (int i = 0; i < q.length; i++) {
      for (int t = 0; t < n; t++) {
        q[i][t] = -e.schedules().get(i).netInjectionKw(t) * hours;
      }
    }
    for (VirtualCommunity vc : e.grouping().communities()) {
      for (String id : vc.members()) {
        int i = index.get(id);
        Participant p = s.participants().get(i);
        PeerMarketRules.Market[] market = new PeerMarketRules.Market[n];
        for (int t = 0; t < n; t++) {
          double supply = 0;
          double demand = 0;
          for (String other : vc.members()) {
            if (!other.equals(id)) {
              supply += Math.max(0, -q[index.get(other)][t]);
              demand += Math.max(0, q[index.get(other)][t]);
            }
          }
          double surplus = 0;
          double deficit = 0;
          for (VirtualCommunity w : e.grouping().communities()) {
            if (w != vc) {
              double net = 0;
              for (String m : w.members()) {
                net += q[index.get(m)][t];
              }
              surplus += Math.max(0, -net);
              deficit += Math.max(0, net);
            }
          }
          market[t] = new PeerMarketRules.Market(supply, demand, surplus, deficit, s.tariff().importPrice().get(t),
              s.tariff().exportPrice().get(t), e.chargePerKwh()[i][t], e.baselineKwh()[i][t]);
        }
        double cost = PrivateCost.of(p, e.schedules().get(i), hours);
        for (int t = 0; t < n; t++) {
          cost += market[t].cost(q[i][t]);
        }
        PlayerOutcome reported = e.player(id);
        double scale = Math.max(1, Math.abs(reported.aloneCost()));
        double best;
        try (ConvexCostResponder own = new ConvexCostResponder(s, p)) {
          best = own.respond(Player.costs(market), null, 1e-7 * scale).lowerBound();
        }
        double found = Math.max(0, cost - best);
        assertThat(cost).as(id + " cost").isCloseTo(reported.cost(), within(1e-6 * scale));
        assertThat(found).as(id + " ε found again").isLessThanOrEqualTo(reported.epsilon() + 1e-6 * scale);
        assertThat(reported.epsilon()).as(id + " ε reported").isLessThanOrEqualTo(found + 1e-6 * scale);
      }
    }
  }

  private static ParticipantSchedule schedule(Scenario s, VcEquilibrium e, String id) {
    for (int i = 0; i < s.participants().size(); i++) {
      if (s.participants().get(i).id().equals(id)) {
        return e.schedules().get(i);
      }
    }
    throw new IllegalArgumentException(id);
  }
}
