package org.peergrid.market.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the scenario's {@code bargaining} block (docs/formats.md) with the file's key paths in every error. */
final class BargainingReader {
  private static final Set<String> KEYS = Set.of("bill", "coalitions");
  private static final String PAIRS = "pairs";

  private BargainingReader() {}

  /** @param participants the scenario's participants, to check the coalitions' ids against */
  static BargainingSpec read(ScenarioNode block, List<Participant> participants) {
    block.requireObject(KEYS);
    String bill = block.optional("bill").map(ScenarioNode::asText).orElse(BargainingSpec.DEFAULT.bill());
    if (!BargainingSpec.BILLS.contains(bill)) {
      throw block.child("bill").error("unknown bill basis \"" + bill + "\"; use one of " + BargainingSpec.BILLS
          + " (dlmp-less-rent returns the network rent to the buildings, so that the community pays for the"
          + " network as each building does alone)");
    }
    if (!block.has("coalitions")) {
      return new BargainingSpec(bill, List.of(), false);
    }
    ScenarioNode c = block.child("coalitions");
    if (c.json().isTextual()) {
      if (!PAIRS.equals(c.json().asText())) {
        throw c.error("expected \"pairs\" or a list of coalitions such as [[B03, B07], [B03, B07, B12]], got \""
            + c.json().asText() + "\"");
      }
      return new BargainingSpec(bill, List.of(), true);
    }
    List<String> sharers = participants.stream().filter(p -> p instanceof Building || p instanceof ElectricVehicle)
        .map(Participant::id).toList();
    List<List<String>> coalitions = new ArrayList<>();
    for (ScenarioNode coalition : c.elements()) {
      coalitions.add(coalition(coalition, sharers));
    }
    return new BargainingSpec(bill, coalitions, false);
  }

  private static List<String> coalition(ScenarioNode node, List<String> sharers) {
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ScenarioNode member : node.elements()) {
      String id = member.asText();
      if (!sharers.contains(id)) {
        throw member.error("\"" + id + "\" is not a building or EV of the scenario; a coalition lists the ids of"
            + " participants that share the saving (generators and community batteries do not bargain)");
      }
      if (!seen.add(id)) {
        throw member.error("\"" + id + "\" is listed twice in this coalition; list each member once");
      }
      ids.add(id);
    }
    if (ids.size() < 2 || ids.size() >= sharers.size()) {
      throw node.error("a coalition has 2 to " + (sharers.size() - 1) + " members (one alone is its base case,"
          + " all of them the whole community), got " + ids.size());
    }
    return ids;
  }
}
