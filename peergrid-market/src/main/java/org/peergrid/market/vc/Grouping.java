package org.peergrid.market.vc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * A partition of a scenario's participants into virtual communities. Buildings are grouped;
 * generators, community batteries and electric vehicles, whose power is their decision and has no
 * forecast profile to complement, each form a community of their own and trade C2C. An EV is not
 * given a building's community: formation compares forecast net loads, and an EV's charging is only
 * known once it answers prices (any fixed profile, say charging at arrival, would be one the game
 * then moves away from); as its own community it still trades with every other at λ_0.
 *
 * @param communities building communities first (in feeder order), then the shared assets
 */
public record Grouping(List<VirtualCommunity> communities) {
  public Grouping {
    communities = List.copyOf(communities);
  }

  /** No grouping: every participant is its own community. */
  public static Grouping none(Scenario s) {
    List<List<Building>> singles = s.buildings().stream().map(List::of).toList();
    return of(s, singles);
  }

  /** Communities from groups of buildings, named VC01, VC02, … in the order given, plus the assets. */
  static Grouping of(Scenario s, List<List<Building>> groups) {
    List<String> order = s.participants().stream().map(Participant::id).toList();
    int width = Math.max(2, String.valueOf(groups.size()).length());
    List<VirtualCommunity> out = new ArrayList<>();
    for (List<Building> g : groups) {
      List<String> ids = g.stream().map(Building::id).sorted(Comparator.comparingInt(order::indexOf)).toList();
      out.add(new VirtualCommunity(String.format("VC%0" + width + "d", out.size() + 1), ids));
    }
    for (Participant p : s.participants()) {
      if (!(p instanceof Building)) {
        out.add(new VirtualCommunity("VC-" + p.id(), List.of(p.id())));
      }
    }
    return new Grouping(out);
  }

  /** The community of a participant. */
  public VirtualCommunity of(String participantId) {
    return communities.stream().filter(c -> c.members().contains(participantId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no community holds " + participantId));
  }

  /** Sizes of the building communities, in order. */
  public List<Integer> buildingCommunitySizes() {
    return communities.stream().filter(c -> !c.id().startsWith("VC-")).map(c -> c.members().size()).toList();
  }
}
