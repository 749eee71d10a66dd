package org.peergrid.market.threephase;

import org.peergrid.market.dispatch.ParticipantSchedule;

/**
 * One participant's day on a three-phase feeder, per interval (kW, kWh, money/kWh); arrays of zeros
 * for devices it does not have.
 *
 * @param energyKwh its battery's energy at the end of each interval
 * @param curtailedKw renewable output it does not use
 * @param shiftedKw its shiftable load's power
 * @param outputKw a generator's output
 * @param netKw what it injects into the feeder, spread equally over its phases (negative: withdraws)
 * @param price the mean of its phases' DLMPs (0 for a day alone, without a network; a game's
 *     network charge for a vc-game equilibrium)
 */
public record ParticipantDay(String id, double[] chargeKw, double[] dischargeKw, double[] energyKwh,
    double[] curtailedKw, double[] shiftedKw, double[] outputKw, double[] netKw, double[] price) {

  /** A schedule of the balanced model (a game's, a decomposition's) as a day on the feeder, at {@code price}. */
  public static ParticipantDay of(ParticipantSchedule x, double[] price) {
    int nt = price.length;
    double[] net = new double[nt];
    for (int t = 0; t < nt; t++) {
      net[t] = x.netInjectionKw(t);
    }
    return new ParticipantDay(x.id(), x.chargeKw().values(), x.dischargeKw().values(), x.socKwh().values(),
        x.curtailedKw().values(), x.shiftedKw().values(), x.generationKw().values(), net, price);
  }

  /** Energy drawn in interval t [kWh]. */
  public double boughtKwh(int t, double hours) {
    return Math.max(0, -netKw[t]) * hours;
  }

  /** Energy fed in in interval t [kWh]. */
  public double soldKwh(int t, double hours) {
    return Math.max(0, netKw[t]) * hours;
  }
}
