package org.peergrid.market.scenario;

import java.util.Map;

/**
 * The scenario's optional {@code uncertainty} block (docs/uncertainty.md): how the forecasts of
 * the buildings are random, and whether the weather is one for the whole feeder.
 *
 * @param defaults what applies to every building
 * @param overrides per building id, the defaults with that building's keys applied
 * @param correlation whether PV and wind share one weather variable per interval (default common)
 */
public record UncertaintySpec(BuildingUncertainty defaults, Map<String, BuildingUncertainty> overrides,
    WeatherCorrelation correlation) {
  /** What a scenario without the block gets. */
  public static final UncertaintySpec DEFAULT =
      new UncertaintySpec(BuildingUncertainty.DEFAULT, Map.of(), WeatherCorrelation.COMMON);

  public UncertaintySpec {
    overrides = Map.copyOf(overrides);
    correlation = correlation == null ? WeatherCorrelation.COMMON : correlation;
  }

  /** With the default correlation, {@link WeatherCorrelation#COMMON}. */
  public UncertaintySpec(BuildingUncertainty defaults, Map<String, BuildingUncertainty> overrides) {
    this(defaults, overrides, WeatherCorrelation.COMMON);
  }

  /** The settings of building {@code id}. */
  public BuildingUncertainty of(String id) {
    return overrides.getOrDefault(id, defaults);
  }

  /** The same settings with another correlation (the command line's {@code --correlation}). */
  public UncertaintySpec withCorrelation(WeatherCorrelation replaced) {
    return new UncertaintySpec(defaults, overrides, replaced);
  }
}
