package org.peergrid.market.settlement;

/**
 * One participant's trade in one interval.
 *
 * @param participant the participant id
 * @param interval the interval, from 0
 * @param boughtKwh energy withdrawn from the network [kWh]
 * @param soldKwh energy injected into the network [kWh]
 * @param pricePerKwh the price applied to the energy [money/kWh]
 * @param paid money paid for the energy bought [money]
 * @param received money received for the energy sold [money]
 * @param transfer money paid on top of the trade by a savings-sharing rule (bargaining, incentive),
 *     negative when received; 0 for pricing rules and the DLMP settlement [money]
 */
public record SettlementRow(String participant, int interval, double boughtKwh, double soldKwh, double pricePerKwh,
    double paid, double received, double transfer) {

  /** A row without a sharing transfer. */
  public SettlementRow(String participant, int interval, double boughtKwh, double soldKwh, double pricePerKwh,
      double paid, double received) {
    this(participant, interval, boughtKwh, soldKwh, pricePerKwh, paid, received, 0);
  }

  /** paid − received + transfer [money]. */
  public double net() {
    return paid - received + transfer;
  }
}
