package org.peergrid.market.mechanism;

/**
 * What the buildings owe together, B, before a savings-sharing mechanism splits it (MODEL.md §4).
 * Community batteries count as owned by the buildings together: their trades and wear are in B.
 * Generators are paid the DLMP at their bus either way.
 */
public enum CommunityBill {
  /** The buildings' and community batteries' DLMP settlement, with their batteries' wear (default). */
  DLMP,
  /**
   * Their bill as one net-metered customer of the utility: Σ_t π^buy n_t⁺ − π^sell n_t⁻ over their
   * net withdrawal n_t, plus their batteries' wear. The DSO keeps what is left at the root.
   */
  NET_METERED;

  /** B of a schedule on this basis [money]; Σ C⁰_b − B is what savings sharing splits. */
  public double of(CooperativeOutcome outcome) {
    return new SavingsSharing(outcome, this).bill();
  }
}
