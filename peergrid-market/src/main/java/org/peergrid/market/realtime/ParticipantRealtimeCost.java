package org.peergrid.market.realtime;

import java.util.OptionalDouble;

/**
 * What one participant's day costs after both settlements.
 *
 * @param participant the participant id
 * @param baseCost C⁰_b of a building, as the day-ahead settlement has it; empty for others
 * @param dayAheadCost its cost under the day-ahead settlement, own battery's degradation included
 * @param deviationPayment what it paid for its deviations at real-time prices, net [money]
 * @param degradationChange its battery's realised degradation cost minus the day-ahead one [money]
 */
public record ParticipantRealtimeCost(String participant, OptionalDouble baseCost, double dayAheadCost,
    double deviationPayment, double degradationChange) {

  /** dayAheadCost + deviationPayment + degradationChange [money]. */
  public double realtimeCost() {
    return dayAheadCost + deviationPayment + degradationChange;
  }

  /** What the day's deviations cost it: realtimeCost − dayAheadCost [money]. */
  public double deviationCost() {
    return deviationPayment + degradationChange;
  }
}
