package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * Energy that must be served inside a window of intervals, at a bounded power.
 *
 * @param energyKwh E [kWh]
 * @param windowStart t_a, the first interval of the window (inclusive)
 * @param windowEnd t_b, the end of the window (exclusive)
 * @param maxKw s^max, the largest power in any interval [kW]
 */
public record ShiftableLoad(double energyKwh, int windowStart, int windowEnd, double maxKw) {

  public ShiftableLoad {
    BatterySpec.nonNegative("energy_kwh", energyKwh);
    BatterySpec.nonNegative("max_kw", maxKw);
    if (windowStart < 0 || windowEnd <= windowStart) {
      throw new ValidationException("window [" + windowStart + ", " + windowEnd + "] must be [START, END] with "
          + "0 ≤ START < END (interval indices, END exclusive)");
    }
  }

  public boolean inWindow(int t) {
    return t >= windowStart && t < windowEnd;
  }
}
