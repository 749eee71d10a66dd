package org.peergrid.market.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's {@code bargaining} block (docs/formats.md): the basis of the community bill that
 * savings sharing splits, and the coalitions whose stand-alone saving the Nash and KS splits must
 * give them at least (core constraints).
 *
 * @param bill the bill basis by its scenario spelling, one of {@link #BILLS}
 * @param coalitions the listed coalitions, participant ids of buildings or EVs, each of 2 or more
 *     and fewer than all of them
 * @param allPairs {@code coalitions: pairs}: every pair of buildings, in file order
 * @param networkPart ν, the network part of the import tariff [money/kWh], which the DSO waives on
 *     the community's imports when it keeps the network rent instead ({@code dlmp-rent-for-network});
 *     0 on the other bases
 */
public record BargainingSpec(String bill, List<List<String>> coalitions, boolean allPairs, double networkPart) {
  /**
   * The spellings of {@code bargaining.bill}, default first; the mechanism package's
   * {@code CommunityBill} names the same bases (a test holds the two lists equal).
   */
  public static final List<String> BILLS = List.of("dlmp-less-rent", "dlmp", "net-metered", "dlmp-rent-for-network",
      "dlmp-rent-by-import");
  /** No block: the default bill basis and no coalitions. */
  public static final BargainingSpec DEFAULT = new BargainingSpec(BILLS.get(0), List.of(), false);

  /** Without a network part (ν = 0). */
  public BargainingSpec(String bill, List<List<String>> coalitions, boolean allPairs) {
    this(bill, coalitions, allPairs, 0);
  }

  public BargainingSpec {
    if (!BILLS.contains(bill)) {
      throw new IllegalArgumentException("unknown bill basis " + bill + "; use one of " + BILLS);
    }
    if (!(networkPart >= 0) || Double.isInfinite(networkPart)) {
      throw new IllegalArgumentException("the network part must be a finite number ≥ 0, got " + networkPart);
    }
    coalitions = coalitions.stream().map(List::copyOf).toList();
  }

  /** The coalitions to clear alone, given the ids of the buildings (and EVs) in scenario order. */
  public List<List<String>> coalitionsOf(List<String> buildingIds) {
    if (!allPairs) {
      return coalitions;
    }
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i < buildingIds.size(); i++) {
      for (int j = i + 1; j < buildingIds.size(); j++) {
        pairs.add(List.of(buildingIds.get(i), buildingIds.get(j)));
      }
    }
    return pairs;
  }

  /** Whether the scenario asks for any core constraint. */
  public boolean hasCoalitions() {
    return allPairs || !coalitions.isEmpty();
  }
}
