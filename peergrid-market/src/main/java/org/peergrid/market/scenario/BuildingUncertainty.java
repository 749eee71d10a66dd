package org.peergrid.market.scenario;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The uncertainty settings that apply to one building: the scenario's defaults with the building's
 * overrides applied key by key.
 *
 * @param random the forecasts treated as random (default pv and wind)
 * @param pv how PV is random
 * @param wind how wind is random
 * @param load how load is random
 */
public record BuildingUncertainty(Set<RandomQuantity> random, PvUncertainty pv, WindUncertainty wind,
    LoadUncertainty load) {
  /** Day-ahead PV and wind are the forecasts MODEL.md §6 makes random; load is random on request. */
  public static final BuildingUncertainty DEFAULT = new BuildingUncertainty(
      EnumSet.of(RandomQuantity.PV, RandomQuantity.WIND), PvUncertainty.DEFAULT, WindUncertainty.DEFAULT,
      LoadUncertainty.DEFAULT);

  public BuildingUncertainty {
    random = Collections.unmodifiableSet(random.isEmpty() ? EnumSet.noneOf(RandomQuantity.class) : EnumSet.copyOf(random));
  }

  public boolean isRandom(RandomQuantity quantity) {
    return random.contains(quantity);
  }
}
