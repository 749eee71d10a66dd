package org.peergrid.market.scenario;

import java.util.Optional;
import org.peergrid.grid.ValidationException;

/**
 * A prosumer or consumer building.
 *
 * @param id unique participant id
 * @param bus MATPOWER bus number
 * @param loadKw L_t [kW]
 * @param powerFactor of the load, lagging, in (0, 1] (default {@value #DEFAULT_POWER_FACTOR})
 * @param pvKw P^pv_t [kW] (default 0)
 * @param windKw P^w_t [kW] (default 0)
 * @param battery the building's own battery, if any
 * @param shiftable its shiftable load, if any
 */
public record Building(
    String id,
    int bus,
    TimeSeries loadKw,
    double powerFactor,
    TimeSeries pvKw,
    TimeSeries windKw,
    Optional<BatterySpec> battery,
    Optional<ShiftableLoad> shiftable) implements Participant {
  public static final double DEFAULT_POWER_FACTOR = 0.95;

  public Building {
    Participants.requireId(id);
    if (loadKw == null || pvKw == null || windKw == null) {
      throw new ValidationException(id + ": load_kw, pv_kw and wind_kw are required (pv and wind may be 0)");
    }
    if (!(powerFactor > 0 && powerFactor <= 1)) {
      throw new ValidationException("power_factor must be in (0, 1], got " + powerFactor);
    }
    Participants.nonNegative("load_kw", loadKw);
    Participants.nonNegative("pv_kw", pvKw);
    Participants.nonNegative("wind_kw", windKw);
    battery = battery == null ? Optional.empty() : battery;
    shiftable = shiftable == null ? Optional.empty() : shiftable;
  }

  /** Reactive load L·tan(acos pf) in interval t [kvar]. */
  public double loadKvar(int t) {
    return loadKw.get(t) * Math.tan(Math.acos(powerFactor));
  }

  /** P^pv + P^w in interval t [kW]. */
  public double renewableKw(int t) {
    return pvKw.get(t) + windKw.get(t);
  }

  @Override
  public String typeName() {
    return "building";
  }
}
