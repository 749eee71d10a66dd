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
  /**
   * The most intervals a horizon may have: a day at one-minute resolution, or 60 days of hours. Every
   * participant's series and the clearing LP grow with it, so a scenario (on a server, one sent in a
   * request) cannot ask for an unbounded amount of memory and solver time.
   */
  public static final int MAX_INTERVALS = 1440;

  public Horizon {
    if (intervals < 1) {
      throw new ValidationException("intervals must be at least 1, got " + intervals);
    }
    if (intervals > MAX_INTERVALS) {
      throw new ValidationException("intervals must be at most " + MAX_INTERVALS + " (a day of one-minute"
          + " intervals), got " + intervals + "; use longer intervals or split the horizon");
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
