package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * An electric vehicle that plugs in at one bus for one charging session a day (docs/formats.md,
 * {@code type: ev}). The session covers intervals {@code arrival, arrival+1, …, departure−1}
 * counted cyclically: a departure before the arrival is an overnight session (evening arrival,
 * morning departure), read on a one-day horizon as the day repeating, so the car that leaves in the
 * morning is the one that arrived the evening before.
 *
 * @param id unique participant id
 * @param bus MATPOWER bus number of its charger
 * @param arrival first interval plugged in
 * @param departure first interval away again (exclusive end of the session)
 * @param arrivalEnergyKwh energy in the battery at arrival
 * @param departureEnergyKwh energy the battery must hold when it leaves (at the end of interval departure−1)
 * @param capacityKwh usable battery capacity
 * @param chargeKw charger limit
 * @param efficiency one-way charge (and discharge) efficiency, in (0, 1]
 * @param v2gKw vehicle-to-grid discharge limit; 0 (the default) for a car that only charges
 */
public record ElectricVehicle(String id, int bus, int arrival, int departure, double arrivalEnergyKwh,
    double departureEnergyKwh, double capacityKwh, double chargeKw, double efficiency, double v2gKw)
    implements Participant {
  public static final double DEFAULT_EFFICIENCY = 0.92;

  public ElectricVehicle {
    Participants.requireId(id);
    if (arrival < 0 || departure < 0) {
      throw new ValidationException("arrival and departure are interval indices and must not be negative");
    }
    if (arrival == departure) {
      throw new ValidationException("departure must differ from arrival (" + arrival + "); a session needs at "
          + "least one interval");
    }
    if (!(capacityKwh > 0)) {
      throw new ValidationException("capacity_kwh must be positive, got " + capacityKwh);
    }
    if (chargeKw < 0 || v2gKw < 0) {
      throw new ValidationException("charge_kw and v2g_kw must not be negative");
    }
    if (!(efficiency > 0 && efficiency <= 1)) {
      throw new ValidationException("efficiency must be in (0, 1], got " + efficiency);
    }
    if (arrivalEnergyKwh < 0 || arrivalEnergyKwh > capacityKwh) {
      throw new ValidationException("arrival_energy_kwh must be in [0, capacity_kwh = " + capacityKwh + "], got "
          + arrivalEnergyKwh);
    }
    if (departureEnergyKwh < 0 || departureEnergyKwh > capacityKwh) {
      throw new ValidationException("departure_energy_kwh must be in [0, capacity_kwh = " + capacityKwh
          + "], got " + departureEnergyKwh);
    }
  }

  /**
   * Intervals plugged in on a horizon of {@code intervals}; the whole horizon for arrival 0 and departure
   * {@code intervals} (what is left of a session that lasts to the end of a real-time rest of the day).
   */
  public int sessionLength(int intervals) {
    int length = Math.floorMod(departure - arrival, intervals);
    return length == 0 ? intervals : length;
  }

  /** The k-th interval of the session (k = 0 is the arrival). */
  public int sessionInterval(int k, int intervals) {
    return (arrival + k) % intervals;
  }

  /** Whether the car is plugged in during interval t. */
  public boolean pluggedIn(int t, int intervals) {
    return Math.floorMod(t - arrival, intervals) < sessionLength(intervals);
  }

  /**
   * Checks the session against the horizon: both ends inside it, and the departure energy reachable
   * at the charger limit within the session.
   */
  void requireReachable(int intervals, double hours) {
    if (arrival >= intervals || departure > intervals) {
      throw new ValidationException("arrival must be below " + intervals + " and departure at most " + intervals
          + " (interval indices of the horizon), got " + arrival + " and " + departure);
    }
    double reachable = arrivalEnergyKwh + efficiency * chargeKw * hours * sessionLength(intervals);
    if (reachable + 1e-9 < departureEnergyKwh) {
      throw new ValidationException(String.format(java.util.Locale.ROOT,
          "departure_energy_kwh %.3f cannot be reached: from %.3f kWh at %.3f kW over %d interval(s) of %.3f h "
              + "at efficiency %.3f the car holds at most %.3f kWh; raise charge_kw, lengthen the session or "
              + "lower departure_energy_kwh", departureEnergyKwh, arrivalEnergyKwh, chargeKw,
          sessionLength(intervals), hours, efficiency, reachable));
    }
  }

  @Override
  public String typeName() {
    return "ev";
  }
}
