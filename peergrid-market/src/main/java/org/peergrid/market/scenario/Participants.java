package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/** Checks that the participant records share. */
final class Participants {
  private Participants() {}

  static void requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new ValidationException("id is required and must not be blank");
    }
  }

  static void nonNegative(String key, TimeSeries series) {
    for (int t = 0; t < series.size(); t++) {
      if (series.get(t) < 0) {
        throw new ValidationException(key + " must not be negative, got " + series.get(t) + " in interval " + t);
      }
    }
  }
}
