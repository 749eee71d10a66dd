package org.peergrid.market.vc;

/**
 * One player at the end of the non-cooperative game.
 *
 * @param id the participant
 * @param cost what it pays under the market's rules plus its wear and fuel, at the equilibrium [money]
 * @param aloneCost its best cost alone, at the tariffs with no peers and no network charge [money]
 * @param epsilon what its exact best response against the others' final offers would save [money]
 */
public record PlayerOutcome(String id, double cost, double aloneCost, double epsilon) {
  /** ε in % of |cost alone|; empty when that is below one unit of money (a DG idle alone). */
  public java.util.OptionalDouble epsilonPct() {
    return Math.abs(aloneCost) < 1 ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(100 * epsilon / Math.abs(aloneCost));
  }
}
