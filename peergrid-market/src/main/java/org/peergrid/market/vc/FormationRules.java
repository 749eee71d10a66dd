package org.peergrid.market.vc;

/**
 * What a grouping of buildings into virtual communities must respect.
 *
 * <p>Locality: any two members of a community are at most {@code maxDistanceShare} of the feeder's
 * electrical length apart, measured as the resistance of the feeder path between their buses
 * ({@link FeederDistance}). A B2B trade flows along that path, so its losses (∝ r·P²) and its effect
 * on voltages (LinDistFlow sensitivity 2·Σr on the shared path) are bounded by the bound on r.
 *
 * @param minSize fewest buildings in a community (a community of one trades nothing inside)
 * @param maxSize most buildings: bounds a coordinator's work and the messages it relays
 * @param maxDistanceShare the locality bound as a share of the largest root-to-bus resistance, in (0, 2]
 * @param sweeps passes of the improving local search (deterministic: fixed order, best move first)
 * @param neighbours how many communities either side (in feeder order) a building may move to or swap with
 */
public record FormationRules(int minSize, int maxSize, double maxDistanceShare, int sweeps, int neighbours) {
  /** 4 to 10 buildings, members within half the feeder's electrical length, 20 sweeps over 4 neighbours each side. */
  public static final FormationRules DEFAULT = new FormationRules(4, 10, 0.5, 20, 4);

  public FormationRules {
    if (minSize < 1 || maxSize < minSize) {
      throw new IllegalArgumentException("sizes need 1 ≤ min ≤ max, got " + minSize + ".." + maxSize);
    }
    if (!(maxDistanceShare > 0 && maxDistanceShare <= 2)) {
      throw new IllegalArgumentException("maxDistanceShare must lie in (0, 2], got " + maxDistanceShare);
    }
  }
}
