package org.peergrid.market.settlement;

/**
 * One participant's trade in one interval.
 *
 * @param participant the participant id
 * @param interval the interval, from 0
 * @param boughtKwh energy withdrawn from the network [kWh]
 * @param soldKwh energy injected into the network [kWh]
 * @param pricePerKwh the price applied [money/kWh]
 * @param paid money paid [money]
 * @param received money received [money]
 */
public record SettlementRow(String participant, int interval, double boughtKwh, double soldKwh, double pricePerKwh,
    double paid, double received) {

  /** paid − received [money]. */
  public double net() {
    return paid - received;
  }
}
