package org.peergrid.market.variants;

import java.util.List;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The cases that the thesis reports each result in: the same day with more of the community taking
 * part, so that a reader sees what sharing, the shareable battery and the generators each add.
 * Every case but the base case is the scenario with some participants removed.
 */
public enum CaseVariant {
  BASE("a", "base case", "every building alone with the utility at the tariffs: no sharing, no network prices"),
  SHARING("b", "sharing without the community battery",
      "buildings trade among themselves on the feeder (with their own batteries); community batteries and"
          + " generators removed"),
  SHARING_WITH_BATTERY("c", "sharing with the community battery",
      "as (b), with the shareable community batteries; generators removed"),
  WITH_GENERATORS("d", "with the DGs in the market", "the whole scenario: (c) plus the distributed generators");

  private final String label;
  private final String title;
  private final String description;

  CaseVariant(String label, String title, String description) {
    this.label = label;
    this.title = title;
    this.description = description;
  }

  /** (a), (b), … as the thesis letters them. */
  public String label() {
    return label;
  }

  public String title() {
    return title;
  }

  /** What the case is, for a report. */
  public String description() {
    return description;
  }

  /** The scenario of this case; the base case keeps every participant (only the buildings count). */
  public Scenario derive(Scenario s) {
    List<Participant> kept = s.participants().stream().filter(this::keeps).toList();
    return kept.size() == s.participants().size() ? s
        : s.subset(s.name() + " (" + label + ")", kept);
  }

  private boolean keeps(Participant p) {
    return switch (this) {
      case BASE, WITH_GENERATORS -> true;
      case SHARING -> p instanceof Building;
      case SHARING_WITH_BATTERY -> !(p instanceof DistributedGenerator);
    };
  }
}
