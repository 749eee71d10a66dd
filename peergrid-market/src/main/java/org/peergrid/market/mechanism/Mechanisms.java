package org.peergrid.market.mechanism;

import java.util.List;
import java.util.Optional;

/** The mechanisms that a run can select by name. Adding one is one line in {@link #ALL}. */
public final class Mechanisms {
  private static final List<MarketMechanism> ALL = List.of(
      new DlmpMechanism(),
      new NashBargainingMechanism(),
      new KalaiSmorodinskyMechanism(),
      new SupplyDemandRatioMechanism(),
      new MidMarketRateMechanism(),
      new BillSharingMechanism(),
      new IncentiveMechanism(),
      new LmpSharingMechanism());

  private Mechanisms() {}

  /** The mechanism of that name (case-insensitive), if there is one. */
  public static Optional<MarketMechanism> byName(String name) {
    return ALL.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Every name, in registration order. */
  public static List<String> names() {
    return ALL.stream().map(MarketMechanism::name).toList();
  }

  /** Every registered mechanism, in registration order. */
  public static List<MarketMechanism> all() {
    return ALL;
  }
}
