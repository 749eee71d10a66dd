package org.peergrid.market.nuc;

/**
 * One bilateral trade of an interval and its network utilization charge.
 *
 * @param interval t
 * @param seller participant id, or {@link #GRID} for the utility at the root
 * @param buyer participant id, or {@link #GRID}
 * @param sellerBus internal bus index of the seller (0 for the grid)
 * @param buyerBus internal bus index of the buyer
 * @param kwh energy traded
 * @param weight the method's weight w of the trade
 * @param lossChargePerKwh ρ·w, its share of the loss cost [money/kWh]
 * @param surchargePerKwh what violations added for seller and buyer side together [money/kWh]
 */
public record Trade(int interval, String seller, String buyer, int sellerBus, int buyerBus, double kwh, double weight,
    double lossChargePerKwh, double surchargePerKwh) {
  public static final String GRID = "grid";

  /** The charge per kWh the trade pays [money/kWh]. */
  public double chargePerKwh() {
    return lossChargePerKwh + surchargePerKwh;
  }

  /** The charge [money]. */
  public double charge() {
    return kwh * chargePerKwh();
  }
}
