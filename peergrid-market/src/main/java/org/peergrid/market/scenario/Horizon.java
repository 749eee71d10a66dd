package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * The day to schedule: {@code intervals} intervals of {@code intervalMinutes} minutes each.
 *
 * @param intervals number of intervals T (default {@value #DEFAULT_INTERVALS})
 * @param intervalMinutes length of one interval [min] (default {@value #DEFAULT_INTERVAL_MINUTES})
 */
public record Horizon(int intervals, int intervalMinutes) {
  public static final int DEFAULT_INTERVALS = 24;
  public static final int DEFAULT_INTERVAL_MINUTES = 60;

  public Horizon {
    if (intervals < 1) {
      throw new ValidationException("intervals must be at least 1, got " + intervals);
    }
    if (intervalMinutes < 1) {
      throw new ValidationException("interval_minutes must be at least 1, got " + intervalMinutes);
    }
  }

  /** Δt, the length of one interval [h]. */
  public double hours() {
    return intervalMinutes / 60.0;
  }
}
