package org.peergrid.market.threephase;

/**
 * One participant's day on a three-phase feeder, per interval (kW, kWh, money/kWh); arrays of zeros
 * for devices it does not have.
 *
 * @param energyKwh its battery's energy at the end of each interval
 * @param curtailedKw renewable output it does not use
 * @param shiftedKw its shiftable load's power
 * @param outputKw a generator's output
 * @param netKw what it injects into the feeder, spread equally over its phases (negative: withdraws)
 * @param price the mean of its phases' DLMPs (0 for a day alone, without a network)
 */
public record ParticipantDay(String id, double[] chargeKw, double[] dischargeKw, double[] energyKwh,
    double[] curtailedKw, double[] shiftedKw, double[] outputKw, double[] netKw, double[] price) {

  /** Energy drawn in interval t [kWh]. */
  public double boughtKwh(int t, double hours) {
    return Math.max(0, -netKw[t]) * hours;
  }

  /** Energy fed in in interval t [kWh]. */
  public double soldKwh(int t, double hours) {
    return Math.max(0, netKw[t]) * hours;
  }
}
