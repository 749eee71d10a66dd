package org.peergrid.market.region;

import java.nio.file.Path;
import java.util.List;
import org.peergrid.market.scenario.Scenario;

/**
 * A region file read and checked (docs/region.md, format version 1): its feeders share one horizon,
 * one tariff and one currency.
 *
 * @param name a label for reports
 * @param file the region file as the user named it
 * @param feeders in file order, at least one, ids unique
 */
public record Region(String name, Path file, List<Feeder> feeders) {

  public Region {
    feeders = List.copyOf(feeders);
    if (feeders.isEmpty()) {
      throw new IllegalArgumentException("a region needs at least one feeder");
    }
  }

  /**
   * One feeder of the region and its DSO.
   *
   * @param id the feeder's id, also the name of its output folder
   * @param scenarioFile its scenario file, as the user would find it (relative to the working folder
   *     when the region file was named so)
   * @param scenario the scenario read from it
   */
  public record Feeder(String id, Path scenarioFile, Scenario scenario) {}

  /** The feeders' scenarios, in file order. */
  public List<Scenario> scenarios() {
    return feeders.stream().map(Feeder::scenario).toList();
  }
}
