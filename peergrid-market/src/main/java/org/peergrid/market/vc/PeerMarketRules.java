package org.peergrid.market.vc;

/**
 * The price and allocation rules of the non-cooperative game (docs/vc-game.md §2), for one interval.
 * Pure functions of quantities; no participant data.
 *
 * <p><b>Allocation: supply–demand-ratio rationing.</b> Inside a virtual community the members'
 * offers to sell (supply S) and to buy (demand D) are matched first (B2B): min(S, D) is traded, and
 * each buyer receives the share b·min(1, S/D) of its demand b, each seller sells s·min(1, D/S) — the
 * supply–demand ratio (SDR) of N. Liu et al., "Energy-sharing model with price-based demand response
 * for microgrids of peer-to-peer prosumers", IEEE Trans. Power Systems 32(5):3569–3583, 2017,
 * doi:10.1109/TPWRS.2017.2649558, used as a rationing rule. Each community's residual (deficit or
 * surplus) then goes to the market between communities, which matches min(total surplus, total
 * deficit), again pro rata; within the community the residual's share goes to the members whose
 * offers were not met, pro rata. What is still unmatched is traded with the utility at the tariffs.
 *
 * <p><b>Prices.</b> Every peer trade is priced at the mid-market rate m_t = (π^buy_t + π^sell_t)/2
 * (C. Long, J. Wu, Y. Zhou, N. Jenkins, "Peer-to-peer energy trading in a community microgrid",
 * IEEE PES GM 2017, doi:10.1109/PESGM.2017.8274546). Between communities this is the k-double
 * auction with k = 1/2 (K. Chatterjee, W. Samuelson, "Bargaining under incomplete information",
 * Operations Research 31(5):835–851, 1983, doi:10.1287/opre.31.5.835): each coordinator bids its
 * residual at its outside option (π^buy to buy, π^sell to sell), every price in [π^sell, π^buy] clears
 * those bids, and k = 1/2 picks the middle. The DSO adds a network charge ν per kWh of net withdrawal
 * at the player's bus on the difference between its net withdrawal and its baseline, the net
 * withdrawal it chose alone (negative: paid for withdrawing less, or injecting more, than that).
 * Staying with the baseline therefore costs no charge and, since m lies between the tariffs, at most
 * what the player pays alone: every player is individually rational at an equilibrium, up to its ε.
 *
 * <p><b>Why rationing, not SDR prices.</b> With Liu et al.'s SDR <em>prices</em> a buyer's payment is
 * π^b q − π^b(π^b − π^s)S² q / ((A + π^s q)(D' + q)) (A = (π^b − π^s)S + π^s D'), which is not convex
 * in its own q: best responses would not be LPs and a deviation could not be certified exactly.
 * With a fixed per-kWh price and SDR rationing, what a buyer gets from peers, a(b) = b·P(D' + b)/(D' + b)
 * with P the peer energy that the community's demand obtains (concave, P(0) = 0), is concave in b
 * (a'' = P''·b/D + 2D'(P'D − P)/D³ ≤ 0), so its payment π^b b − (π^b − m) a(b) + ν b is convex; the
 * same holds for sellers, and the two sides meet convexly at q = 0. The payoff still depends on the
 * others' strategies: how much of a player's offer is met depends on everyone else's.
 */
public final class PeerMarketRules {
  private PeerMarketRules() {}

  /**
   * What one player faces in one interval, everyone else fixed.
   *
   * @param vcSupplyKwh other members' offers to sell (Σ of their injections) [kWh]
   * @param vcDemandKwh other members' offers to buy [kWh]
   * @param otherSurplusKwh Σ over the other communities of their surplus (supply − demand)⁺ [kWh]
   * @param otherDeficitKwh Σ over the other communities of their deficit (demand − supply)⁺ [kWh]
   * @param importPrice π^buy [money/kWh]
   * @param exportPrice π^sell [money/kWh]
   * @param networkCharge ν at the player's bus [money/kWh of net withdrawal]
   * @param baselineKwh the player's net withdrawal alone (its first bid): the charge is on the
   *     difference, so a player that keeps to what it would do alone pays none
   */
  public record Market(double vcSupplyKwh, double vcDemandKwh, double otherSurplusKwh, double otherDeficitKwh,
      double importPrice, double exportPrice, double networkCharge, double baselineKwh) {
    /** The peer price m = (π^buy + π^sell)/2. */
    public double peerPrice() {
      return PeerMarketRules.peerPrice(importPrice, exportPrice);
    }

    /** What the player pays for a net withdrawal of q kWh (negative q: injection) [money]. */
    public double cost(double q) {
      double m = peerPrice();
      if (q >= 0) {
        return importPrice * q - (importPrice - m) * buyerShare(q) + networkCharge * (q - baselineKwh);
      }
      double s = -q;
      return -exportPrice * s - (m - exportPrice) * sellerShare(s) + networkCharge * (q - baselineKwh);
    }

    /** The one-sided derivative of {@link #cost} at q [money/kWh]. */
    public double slope(double q, boolean fromLeft) {
      double m = peerPrice();
      if (q > 0 || (q == 0 && !fromLeft)) {
        return importPrice - (importPrice - m) * shareSlope(q, vcDemandKwh, vcSupplyKwh, otherSurplusKwh,
            otherDeficitKwh) + networkCharge;
      }
      return exportPrice + (m - exportPrice) * shareSlope(-q, vcSupplyKwh, vcDemandKwh, otherDeficitKwh,
          otherSurplusKwh) + networkCharge;
    }

    /** Peer energy a buyer of b kWh receives (inside its community and from others). */
    public double buyerShare(double b) {
      return share(b, vcDemandKwh, vcSupplyKwh, otherSurplusKwh, otherDeficitKwh);
    }

    /** Peer energy a seller of s kWh sells. */
    public double sellerShare(double s) {
      return share(s, vcSupplyKwh, vcDemandKwh, otherDeficitKwh, otherSurplusKwh);
    }
  }

  /** The peer price of an interval: the mid-market rate. */
  public static double peerPrice(double importPrice, double exportPrice) {
    return (importPrice + exportPrice) / 2;
  }

  /**
   * How much of a community's own side (its total demand, or its total supply) is met by peers:
   * first by its members on the other side, then its residual by the other communities, pro rata
   * with the other communities of the same side.
   *
   * @param total the community's demand (or supply) [kWh]
   * @param counter its members' supply (or demand) [kWh]
   * @param crossCounter the other communities' surplus (or deficit) [kWh]
   * @param crossSame the other communities' deficit (or surplus) [kWh]
   */
  static double served(double total, double counter, double crossCounter, double crossSame) {
    double inside = Math.min(total, counter);
    double residual = total - inside;
    return inside + crossServed(residual, crossCounter, crossSame);
  }

  /** The part of a community's residual r that the other communities meet: r·min(1, C/(S + r)). */
  static double crossServed(double residual, double crossCounter, double crossSame) {
    if (residual <= 0 || crossCounter <= 0) {
      return 0;
    }
    return residual * Math.min(1, crossCounter / (crossSame + residual));
  }

  /** The right derivative of {@link #served} in total. */
  static double servedSlope(double total, double counter, double crossCounter, double crossSame) {
    if (total < counter) {
      return 1;
    }
    double r = total - counter;
    if (crossCounter <= 0) {
      return 0;
    }
    if (crossCounter >= crossSame + r) {
      return 1;
    }
    double d = crossSame + r;
    return crossCounter * crossSame / (d * d);
  }

  /** A member's share x·P(X' + x)/(X' + x) of what its side obtains from peers. */
  static double share(double x, double othersSame, double counter, double crossCounter, double crossSame) {
    if (x <= 0) {
      return 0;
    }
    double total = othersSame + x;
    return x * served(total, counter, crossCounter, crossSame) / total;
  }

  /** The right derivative of {@link #share} in x ≥ 0. */
  static double shareSlope(double x, double othersSame, double counter, double crossCounter, double crossSame) {
    double total = othersSame + x;
    double slope = servedSlope(total, counter, crossCounter, crossSame);
    if (total <= 0) {
      return slope;
    }
    double p = served(total, counter, crossCounter, crossSame);
    return p / total + x * (slope * total - p) / (total * total);
  }
}
