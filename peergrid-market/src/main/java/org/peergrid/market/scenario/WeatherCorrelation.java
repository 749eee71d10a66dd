package org.peergrid.market.scenario;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the weather behind the buildings' PV and wind forecasts is shared (docs/uncertainty.md).
 * Loads are random per building in both cases.
 */
public enum WeatherCorrelation {
  /**
   * One irradiance per interval for every PV on the feeder and one wind speed per interval for
   * every turbine: the clouds and the wind pass over the whole feeder at once.
   */
  COMMON("common"),
  /** Every building's PV and wind in every interval random on its own (the model before issue 17). */
  INDEPENDENT("independent");

  private final String key;

  WeatherCorrelation(String key) {
    this.key = key;
  }

  /** The name in scenario files, on the command line and in reports. */
  public String key() {
    return key;
  }

  public static Optional<WeatherCorrelation> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }
}
