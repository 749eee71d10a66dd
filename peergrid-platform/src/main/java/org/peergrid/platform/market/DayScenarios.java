package org.peergrid.platform.market;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.platform.store.DayRecord;

/** Parsed day scenarios, kept in memory: parsing reads the feeder, which every offer would repeat. */
final class DayScenarios {
  private final Map<String, Scenario> parsed = new ConcurrentHashMap<>();

  Scenario of(DayRecord day) {
    return parsed.computeIfAbsent(day.id(), id -> DayScenario.parse(id, day.scenario(), day.feeder()));
  }
}
