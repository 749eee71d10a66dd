package org.peergrid.market.mechanism;

import java.util.List;
import org.peergrid.market.settlement.SettlementResult;

/**
 * What the savings-sharing mechanisms (bargaining, incentive) have in common: the bill B, the
 * payment bounds, the energy each building shares, and the rows of a split.
 *
 * <p>Rows. A building's rows price its energy at the bill's base price (the DLMP on both DLMP bases,
 * the tariff of its direction when net-metered) and carry a transfer: p_b − wear_b − Σ_t base trade, spread over
 * the intervals in proportion to the energy it moves in each (evenly if it moves none), so that
 * its rows add up to its payment. A community battery's rows hand its trade and wear to its owners
 * (transfer = −trade − wear), so it ends the day at cost 0. Generators are paid
 * {@link #generatorPrice} for what they inject: the DLMP less half the trade's gain, which goes to
 * the buildings through B.
 */
final class SavingsSharing {
  private final CooperativeOutcome outcome;
  private final CommunityBill basis;
  private final List<CommunityMember> buildings;

  /** @param basis the bill's basis; null for the one the scenario chose ({@link CooperativeOutcome#bill()}) */
  SavingsSharing(CooperativeOutcome outcome, CommunityBill basis) {
    this.outcome = outcome;
    this.basis = basis == null ? outcome.bill() : basis;
    this.buildings = outcome.buildings();
  }

  int size() {
    return buildings.size();
  }

  /** B [money]. */
  double bill() {
    double bill = 0;
    double[] owned = new double[outcome.intervals()];
    for (CommunityMember m : outcome.members()) {
      if (m.role() == Role.GENERATOR) {
        continue;
      }
      bill += m.degradation();
      for (int t = 0; t < outcome.intervals(); t++) {
        owned[t] += m.bought(t) - m.sold(t);
        if (basis != CommunityBill.NET_METERED) {
          bill += m.dlmp(t) * (m.bought(t) - m.sold(t));
        }
      }
    }
    if (basis.returnsRent()) {
      bill -= outcome.networkRent();
    }
    if (basis == CommunityBill.DLMP_RENT_FOR_NETWORK) {
      bill -= networkPartWaived();
    }
    if (basis == CommunityBill.NET_METERED) {
      for (int t = 0; t < owned.length; t++) {
        bill += owned[t] > 0 ? outcome.importPrice(t) * owned[t] : outcome.exportPrice(t) * owned[t];
      }
    }
    return bill - generatorDiscount();
  }

  /**
   * What a generator is paid per kWh it injects in interval t [money/kWh]:
   * p = DLMP − ½ (DLMP − r)⁺ with r = max(c_g, π^sell_t). r is the least the generator takes (below
   * its fuel it would not run, below the export tariff it would sell to the utility); the DLMP is
   * what the energy is worth to the buildings at its bus. p splits the gain DLMP − r of the trade
   * equally between the generator and the buyers, the symmetric Nash bargaining solution of that
   * one trade (derived here, docs/mechanisms.md "Generators in the market"; no published formula
   * is claimed). Where the DLMP is not above r (no gain, e.g. energy that leaves at the root at the
   * export tariff) p is the DLMP.
   */
  double generatorPrice(CommunityMember g, int t) {
    double reserve = Math.max(g.fuelPerKwh(t), outcome.exportPrice(t));
    return g.dlmp(t) - 0.5 * Math.max(0, g.dlmp(t) - reserve);
  }

  /** Σ over generators and intervals of (DLMP − p)·injected: the buyers' half of the gain [money]. */
  double generatorDiscount() {
    double discount = 0;
    for (CommunityMember m : outcome.members()) {
      if (m.role() == Role.GENERATOR) {
        for (int t = 0; t < outcome.intervals(); t++) {
          discount += (m.dlmp(t) - generatorPrice(m, t)) * m.sold(t);
        }
      }
    }
    return discount;
  }

  /** Σ over generators of what they receive less their fuel, at {@link #generatorPrice} [money]. */
  double generatorProfit() {
    double profit = 0;
    for (CommunityMember m : outcome.members()) {
      if (m.role() == Role.GENERATOR) {
        profit -= m.fuel();
        for (int t = 0; t < outcome.intervals(); t++) {
          profit += generatorPrice(m, t) * m.sold(t) - m.dlmp(t) * m.bought(t);
        }
      }
    }
    return profit;
  }

  /** ν Σ_t (D_t − S_t)⁺: what the DSO waives of the tariff's network part when it keeps the rent [money]. */
  private double networkPartWaived() {
    return outcome.networkPart() * outcome.netImportKwh();
  }

  /** S = Σ C⁰_b − B [money]. */
  double saving() {
    double saving = -bill();
    for (double c : baseCosts()) {
      saving += c;
    }
    return saving;
  }

  double[] baseCosts() {
    return buildings.stream().mapToDouble(b -> b.baseCost().getAsDouble()).toArray();
  }

  /** What each building pays when it settles at the DLMPs of its bus, with its battery's wear [money]. */
  double[] dlmpPayments() {
    return buildings.stream().mapToDouble(b -> {
      double sum = b.degradation();
      for (int t = 0; t < outcome.intervals(); t++) {
        sum += b.dlmp(t) * (b.bought(t) - b.sold(t));
      }
      return sum;
    }).toArray();
  }

  /** At best b buys its net demand at π^sell and sells its net supply at π^buy (plus its wear). */
  double[] minPayments() {
    return buildings.stream().mapToDouble(b -> tradeAt(b, false) + b.degradation()).toArray();
  }

  /** At worst b buys at π^buy and sells at π^sell (plus its wear). */
  double[] maxPayments() {
    return buildings.stream().mapToDouble(b -> tradeAt(b, true) + b.degradation()).toArray();
  }

  private double tradeAt(CommunityMember b, boolean worst) {
    double sum = 0;
    for (int t = 0; t < outcome.intervals(); t++) {
      double hi = outcome.importPrice(t);
      double lo = outcome.exportPrice(t);
      sum += worst ? hi * b.bought(t) - lo * b.sold(t) : lo * b.bought(t) - hi * b.sold(t);
    }
    return sum;
  }

  /**
   * Energy each building shares with peers [kWh]: in each interval, the part of its injection that
   * peers absorb, sold·min(1, D_t/S_t), plus the part of its withdrawal that peers supply,
   * bought·min(1, S_t/D_t); the rest is traded with the grid.
   */
  double[] sharedKwh() {
    double[] shared = new double[buildings.size()];
    for (int i = 0; i < shared.length; i++) {
      CommunityMember b = buildings.get(i);
      for (int t = 0; t < outcome.intervals(); t++) {
        double s = outcome.supplyKwh(t);
        double d = outcome.demandKwh(t);
        shared[i] += (s > 0 ? b.sold(t) * Math.min(1, d / s) : 0) + (d > 0 ? b.bought(t) * Math.min(1, s / d) : 0);
      }
    }
    return shared;
  }

  /** The split's settlement; payments p_b in building order, Σ p_b = B. */
  SettlementResult settle(String mechanism, double[] payments) {
    SettlementBuilder rows = new SettlementBuilder(outcome);
    int next = 0;
    double ownersWear = 0;
    double generatorsTrade = 0;
    for (CommunityMember m : outcome.members()) {
      switch (m.role()) {
        case GENERATOR -> {
          for (int t = 0; t < outcome.intervals(); t++) {
            double paid = generatorPrice(m, t);
            rows.trade(m, t, m.dlmp(t), paid);
            generatorsTrade += m.dlmp(t) * m.bought(t) - paid * m.sold(t);
          }
        }
        case COMMUNITY_BATTERY -> {
          ownersWear += m.degradation();
          for (int t = 0; t < outcome.intervals(); t++) {
            rows.add(m, t, buyPrice(m, t), sellPrice(m, t), -trade(m, t) - m.degradation(t));
          }
        }
        case BUILDING, EV -> {
          ownersWear += m.degradation();
          addBuilding(rows, m, payments[next++]);
        }
      }
    }
    // The generators' discount moves money from them to the buildings only: the DSO keeps the same.
    double dso = switch (basis) {
      case DLMP -> outcome.dlmpDsoSurplus();
      case DLMP_LESS_RENT, DLMP_RENT_BY_IMPORT -> outcome.dlmpDsoSurplus() - outcome.networkRent();
      case DLMP_RENT_FOR_NETWORK -> outcome.dlmpDsoSurplus() - networkPartWaived();
      case NET_METERED -> bill() - ownersWear + generatorsTrade - outcome.utilityBill();
    };
    return rows.build(mechanism, dso);
  }

  private void addBuilding(SettlementBuilder rows, CommunityMember b, double payment) {
    double traded = 0;
    for (int t = 0; t < outcome.intervals(); t++) {
      traded += trade(b, t);
    }
    double transfer = payment - b.degradation() - traded;
    double energy = b.throughputKwh();
    for (int t = 0; t < outcome.intervals(); t++) {
      double share = energy > 0 ? (b.bought(t) + b.sold(t)) / energy : 1.0 / outcome.intervals();
      rows.add(b, t, buyPrice(b, t), sellPrice(b, t), transfer * share);
    }
  }

  private double trade(CommunityMember m, int t) {
    return buyPrice(m, t) * m.bought(t) - sellPrice(m, t) * m.sold(t);
  }

  private double buyPrice(CommunityMember m, int t) {
    return basis == CommunityBill.NET_METERED ? outcome.importPrice(t) : m.dlmp(t);
  }

  private double sellPrice(CommunityMember m, int t) {
    return basis == CommunityBill.NET_METERED ? outcome.exportPrice(t) : m.dlmp(t);
  }
}
