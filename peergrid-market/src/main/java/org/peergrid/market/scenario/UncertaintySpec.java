package org.peergrid.market.scenario;

import java.util.Map;

/**
 * The scenario's optional {@code uncertainty} block (docs/uncertainty.md): how the forecasts of
 * the buildings are random. Inputs are independent; there is no key for correlation.
 *
 * @param defaults what applies to every building
 * @param overrides per building id, the defaults with that building's keys applied
 */
public record UncertaintySpec(BuildingUncertainty defaults, Map<String, BuildingUncertainty> overrides) {
  /** What a scenario without the block gets. */
  public static final UncertaintySpec DEFAULT = new UncertaintySpec(BuildingUncertainty.DEFAULT, Map.of());

  public UncertaintySpec {
    overrides = Map.copyOf(overrides);
  }

  /** The settings of building {@code id}. */
  public BuildingUncertainty of(String id) {
    return overrides.getOrDefault(id, defaults);
  }
}
