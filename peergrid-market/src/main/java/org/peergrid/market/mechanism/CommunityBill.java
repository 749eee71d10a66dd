package org.peergrid.market.mechanism;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the buildings owe together, B, before a savings-sharing mechanism splits it (MODEL.md §4;
 * docs/mechanisms.md, "The bill B"). Community batteries count as owned by the buildings together:
 * their trades and wear are in B. On every basis a generator is paid the DLMP at its bus less half
 * the gain of its trade over its reserve max(fuel, export tariff), and that half lowers B
 * (docs/mechanisms.md, "Generators in the market").
 *
 * <p>The saving S = Σ C⁰_b − B compares B with the base case, where each building pays the
 * utility's tariff, and the tariff already pays for the network. Only {@link #DLMP_LESS_RENT} pays
 * for the network the same way on both sides, which is why it is the default.
 */
public enum CommunityBill {
  /**
   * The buildings' and community batteries' DLMP settlement, with their batteries' wear, less the
   * network rent, the DLMP merchandising surplus ({@link CooperativeOutcome#networkRent()}), which
   * the DSO returns to the buildings: what DLMPs collect for the network on top of the tariff goes
   * back, so that the community pays for the network as each building does alone (default).
   */
  DLMP_LESS_RENT("dlmp-less-rent"),
  /**
   * The DLMP settlement with the rent kept by the DSO on top of the tariff: the community pays for
   * the network twice against the base case, so S understates what cooperation is worth.
   */
  DLMP("dlmp"),
  /**
   * Their bill as one net-metered customer of the utility: Σ_t π^buy n_t⁺ − π^sell n_t⁻ over their
   * net withdrawal n_t, plus their batteries' wear. The DSO keeps what is left at the root.
   */
  NET_METERED("net-metered"),
  /**
   * The DLMP settlement with the rent kept by the DSO <em>in place of</em> the network part ν of the
   * import tariff ({@code bargaining.network_part}): the community's net import from the utility
   * is billed ν per kWh less, Σ_t ν (D_t − S_t)⁺ over the participants. Each side then pays the DSO
   * for the network once: alone through ν in the tariff, in the community through the rent. With
   * ν = 0 it is {@link #DLMP}.
   */
  DLMP_RENT_FOR_NETWORK("dlmp-rent-for-network"),
  /**
   * B as {@link #DLMP_LESS_RENT}, the rent returned, but by a stated key: in {@code lmp-sharing}
   * each building is owed the share of the rent R in proportion to the energy it withdraws over the
   * day (Σ_t b_bt / Σ_j Σ_t b_jt), added to what its DLMPs save it, before the rest of the pool is
   * shared. Bargaining ({@code nash}, {@code ks}) and {@code incentive} split S without keys, so for
   * them it is {@link #DLMP_LESS_RENT}.
   */
  DLMP_RENT_BY_IMPORT("dlmp-rent-by-import");

  /** Whether the DSO returns the network rent to the buildings on this basis. */
  public boolean returnsRent() {
    return this == DLMP_LESS_RENT || this == DLMP_RENT_BY_IMPORT;
  }

  /** The basis when a scenario names none. */
  public static final CommunityBill DEFAULT = DLMP_LESS_RENT;

  private final String key;

  CommunityBill(String key) {
    this.key = key;
  }

  /** The scenario's spelling ({@code bargaining.bill}). */
  public String key() {
    return key;
  }

  /** The basis of that spelling, if there is one. */
  public static Optional<CommunityBill> byKey(String key) {
    return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
  }

  /** Every spelling, default first. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(CommunityBill::key).toList();
  }

  /** B of a schedule on this basis [money]; Σ C⁰_b − B is what savings sharing splits. */
  public double of(CooperativeOutcome outcome) {
    return new SavingsSharing(outcome, this).bill();
  }

  /**
   * What the generators earn together on a schedule when the buildings' bill is split on this
   * basis: received less fuel [money]. The same on every basis (their price is the rule above).
   */
  public double generatorProfit(CooperativeOutcome outcome) {
    return new SavingsSharing(outcome, this).generatorProfit();
  }
}
