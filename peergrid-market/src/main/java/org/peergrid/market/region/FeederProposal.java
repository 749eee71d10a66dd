package org.peergrid.market.region;

/**
 * What a DSO answers the substation in the price coordination (docs/region.md): its feeder's net
 * import at the substation per interval and what the schedule behind it costs the DSO. These numbers
 * are all that leaves the DSO; its buildings, network and schedule stay with it.
 *
 * @param netKw net import at the feeder's root per interval (negative: export) [kW]
 * @param ownCost the schedule's own costs: DG fuel and battery wear [money]
 * @param value own costs plus the net import priced at the prices asked about [money]: for the
 *     answer at the utility's tariffs, the feeder's cost alone
 * @param noSchedule why the feeder has no schedule at these prices, or null when it has one
 */
public record FeederProposal(double[] netKw, double ownCost, double value, String noSchedule) {

  /** A feeder without a feasible schedule: only the reason travels. */
  public static FeederProposal none(String why) {
    return new FeederProposal(new double[0], Double.NaN, Double.NaN, why);
  }

  public boolean feasible() {
    return noSchedule == null;
  }
}
