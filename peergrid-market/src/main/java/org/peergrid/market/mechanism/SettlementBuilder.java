package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.settlement.SettlementRow;

/**
 * Collects a mechanism's rows and turns them into a {@link SettlementResult}: each participant's
 * cost is its rows' net plus its own battery's wear (MODEL.md §3), and the budget identity is
 * checked against a DSO surplus that the mechanism computes without the rows.
 */
final class SettlementBuilder {
  /** Relative tolerance of the budget identity (rounding of sums over participants and intervals). */
  static final double IDENTITY_TOLERANCE = 1e-9;
  /** A building pays "no more" than its base cost within this much money, relative to max(1, |C⁰|). */
  static final double RATIONALITY_TOLERANCE = 1e-9;

  private final CooperativeOutcome outcome;
  private final List<SettlementRow> rows = new ArrayList<>();

  SettlementBuilder(CooperativeOutcome outcome) {
    this.outcome = outcome;
  }

  /** A row without a transfer. */
  void trade(CommunityMember m, int t, double buyPrice, double sellPrice) {
    add(m, t, buyPrice, sellPrice, 0);
  }

  /** A row: energy at the prices (the price shown is the one of its direction), plus a transfer. */
  void add(CommunityMember m, int t, double buyPrice, double sellPrice, double transfer) {
    double bought = m.bought(t);
    double sold = m.sold(t);
    rows.add(new SettlementRow(m.id(), t, bought, sold, sold > bought ? sellPrice : buyPrice, buyPrice * bought,
        sellPrice * sold, transfer));
  }

  /**
   * @param dsoSurplus what the DSO keeps, computed from the schedule, not from the rows [money]
   * @throws IllegalStateException when the rows do not balance the utility bill plus that surplus
   */
  SettlementResult build(String mechanism, double dsoSurplus) {
    double[] net = new double[outcome.members().size()];
    int at = 0;
    double participantsNet = 0;
    for (SettlementRow r : rows) {
      while (!outcome.members().get(at).id().equals(r.participant())) {
        at++;
      }
      net[at] += r.net();
      participantsNet += r.net();
    }
    double utility = outcome.utilityBill();
    double scale = 1 + Math.abs(participantsNet) + Math.abs(utility) + Math.abs(dsoSurplus);
    if (Math.abs(participantsNet - utility - dsoSurplus) > IDENTITY_TOLERANCE * scale) {
      throw new IllegalStateException(mechanism + " does not balance: participants pay " + participantsNet
          + " net but the utility bill " + utility + " plus the DSO surplus " + dsoSurplus + " is "
          + (utility + dsoSurplus));
    }
    List<ParticipantSettlement> summaries = new ArrayList<>();
    double totalCost = 0;
    for (int i = 0; i < net.length; i++) {
      CommunityMember m = outcome.members().get(i);
      double cost = net[i] + m.degradation();
      if (m.baseCost().isPresent()) {
        double c0 = m.baseCost().getAsDouble();
        totalCost += cost;
        summaries.add(new ParticipantSettlement(m.id(), OptionalDouble.of(c0), cost, OptionalDouble.of(c0 - cost),
            cost <= c0 + RATIONALITY_TOLERANCE * Math.max(1, Math.abs(c0))));
      } else {
        summaries.add(new ParticipantSettlement(m.id(), OptionalDouble.empty(), cost, OptionalDouble.empty(), true));
      }
    }
    return new SettlementResult(rows, summaries, utility, dsoSurplus, participantsNet, outcome.baseCost(), totalCost);
  }
}
