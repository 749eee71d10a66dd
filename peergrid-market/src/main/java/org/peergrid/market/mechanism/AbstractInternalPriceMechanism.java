package org.peergrid.market.mechanism;

/**
 * The pricing rules of MODEL.md §4: one internal buy price and one internal sell price per interval,
 * set from the community's supply S_t (Σ of everyone's net injection) and demand D_t (Σ of net
 * withdrawals); every participant, building, generator or community battery, trades its net energy
 * at them, and the residual |D_t − S_t| goes to the grid at the tariff. Subclasses give the prices.
 *
 * <p>Budget: each rule's prices satisfy p_buy·D − p_sell·S = π^buy (D − S)⁺ − π^sell (S − D)⁺,
 * the community's net-metered bill. The root's utility bill also carries the background load that
 * nobody trades, which the DSO buys: its surplus is the net-metered bill minus the utility bill
 * (the identity check then tests the rule's prices against that, row by row).
 */
public abstract class AbstractInternalPriceMechanism implements MarketMechanism {

  /** The internal prices of one interval [money/kWh]. */
  public record InternalPrices(double buy, double sell) {}

  /**
   * @param supplyKwh S_t ≥ 0
   * @param demandKwh D_t ≥ 0
   * @param importPrice π^buy_t
   * @param exportPrice π^sell_t ≤ π^buy_t
   */
  public abstract InternalPrices prices(double supplyKwh, double demandKwh, double importPrice, double exportPrice);

  @Override
  public final MechanismOutcome settle(CooperativeOutcome outcome) {
    int n = outcome.intervals();
    InternalPrices[] prices = new InternalPrices[n];
    for (int t = 0; t < n; t++) {
      prices[t] = prices(outcome.supplyKwh(t), outcome.demandKwh(t), outcome.importPrice(t), outcome.exportPrice(t));
    }
    SettlementBuilder rows = new SettlementBuilder(outcome);
    for (CommunityMember m : outcome.members()) {
      for (int t = 0; t < n; t++) {
        rows.trade(m, t, prices[t].buy(), prices[t].sell());
      }
    }
    return MechanismOutcome.settled(name(), rows.build(name(), outcome.netMeteredBill() - outcome.utilityBill()));
  }
}
