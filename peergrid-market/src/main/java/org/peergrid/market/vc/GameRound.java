package org.peergrid.market.vc;

/**
 * One round's convergence figures.
 *
 * @param iteration from 1
 * @param cost the DSO's mix, slack penalties included (an upper bound once the slack is 0) [money]
 * @param lowerBound the Lagrangian bound from the round's best responses [money]
 * @param slackKwh the primal residual [kWh]
 */
public record GameRound(int iteration, double cost, double lowerBound, double slackKwh) {
  /** The dual residual, relative: (cost − bound) / max(1, |cost|). */
  public double relativeGap() {
    return (cost - lowerBound) / Math.max(1, Math.abs(cost));
  }
}
