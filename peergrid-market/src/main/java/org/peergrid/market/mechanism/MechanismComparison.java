package org.peergrid.market.mechanism;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Every mechanism on the same cooperative schedule: each settles the one {@link CooperativeOutcome}
 * and is timed on its own (the schedule, base cases and AC check are computed once, before).
 */
public final class MechanismComparison {
  private MechanismComparison() {}

  /** Runs the mechanisms in order, timed with {@link System#nanoTime()}. */
  public static List<ComparisonRow> run(CooperativeOutcome schedule, List<MarketMechanism> mechanisms) {
    return run(schedule, mechanisms, System::nanoTime);
  }

  /** The same with a given nanosecond ticker (tests). */
  public static List<ComparisonRow> run(CooperativeOutcome schedule, List<MarketMechanism> mechanisms,
      LongSupplier nanoTicker) {
    List<ComparisonRow> rows = new ArrayList<>();
    for (MarketMechanism m : mechanisms) {
      long start = nanoTicker.getAsLong();
      MechanismOutcome outcome = m.settle(schedule);
      double millis = (nanoTicker.getAsLong() - start) / 1e6;
      rows.add(ComparisonRow.of(schedule, outcome, millis));
    }
    return rows;
  }
}
