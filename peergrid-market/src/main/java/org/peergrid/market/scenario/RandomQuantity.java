package org.peergrid.market.scenario;

import java.util.Arrays;
import java.util.Optional;

/** A building's forecast that the {@code uncertainty} block can make random. */
public enum RandomQuantity {
  /** {@code pv_kw}: Beta irradiance through the PV curve. */
  PV("pv"),
  /** {@code wind_kw}: Weibull wind speed through the turbine curve. */
  WIND("wind"),
  /** {@code load_kw}: normal forecast error. */
  LOAD("load");

  private final String key;

  RandomQuantity(String key) {
    this.key = key;
  }

  /** The name in scenario files and reports. */
  public String key() {
    return key;
  }

  public static Optional<RandomQuantity> byKey(String key) {
    return Arrays.stream(values()).filter(q -> q.key.equals(key)).findFirst();
  }
}
