package org.peergrid.platform.market;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.platform.store.DayRecord;

/** Parsed day scenarios, kept in memory: parsing reads the feeder, which every offer would repeat. */
final class DayScenarios {
  private final Map<String, DayScenario> parsed = new ConcurrentHashMap<>();
  private final ScenarioFiles files;

  /** @param files where the scenarios' CSV series may come from (never the server's disk at large) */
  DayScenarios(ScenarioFiles files) {
    this.files = files;
  }

  ScenarioFiles files() {
    return files;
  }

  DayScenario of(DayRecord day) {
    return parsed.computeIfAbsent(day.id(), id -> DayScenario.parse(id, day.scenario(), day.feeder(),
        day.feederFiles(), files));
  }

  /**
   * The day's scenario to clear or settle: on a three-phase day parsed again from its texts, since the
   * power flow and LinDist3Flow change an OpenDSS feeder's elements in place (regulator taps): each
   * clearing then starts from the script, as {@code peergrid clear} does, and two at once (a day ahead and
   * another day's real time) never share a feeder. A MATPOWER day's case is not changed: the parsed one.
   */
  DayScenario forClearing(DayRecord day) {
    DayScenario known = of(day);
    return known.isThreePhase() ? DayScenario.parse(day.id(), day.scenario(), day.feeder(), day.feederFiles(), files)
        : known;
  }

  /** The day's scenario, reading the day (with its texts) only when it was not parsed yet. */
  DayScenario of(String dayId, Supplier<DayRecord> day) {
    DayScenario known = parsed.get(dayId);
    return known != null ? known : of(day.get());
  }
}
