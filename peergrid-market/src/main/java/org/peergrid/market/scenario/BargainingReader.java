package org.peergrid.market.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the scenario's {@code bargaining} block (docs/formats.md) with the file's key paths in every error. */
final class BargainingReader {
  // the keys each mapping allows; package-private for ScenarioSchemaTest, which holds docs/scenario.schema.json to them
  static final Set<String> KEYS = Set.of("bill", "coalitions", "network_part");
  private static final String RENT_FOR_NETWORK = "dlmp-rent-for-network";
  private static final String PAIRS = "pairs";

  private BargainingReader() {}

  /**
   * @param participants the scenario's participants, to check the coalitions' ids against
   * @param tariff the day-ahead tariff, which the network part is a part of
   */
  static BargainingSpec read(ScenarioNode block, List<Participant> participants, Tariff tariff) {
    block.requireObject(KEYS);
    String bill = block.optional("bill").map(ScenarioNode::asText).orElse(BargainingSpec.DEFAULT.bill());
    if (!BargainingSpec.BILLS.contains(bill)) {
      throw block.child("bill").error("unknown bill basis \"" + bill + "\"; use one of " + BargainingSpec.BILLS
          + " (dlmp-less-rent returns the network rent to the buildings, so that the community pays for the"
          + " network as each building does alone)");
    }
    double networkPart = networkPart(block, bill, tariff);
    if (!block.has("coalitions")) {
      return new BargainingSpec(bill, List.of(), false, networkPart);
    }
    ScenarioNode c = block.child("coalitions");
    if (c.json().isTextual()) {
      if (!PAIRS.equals(c.json().asText())) {
        throw c.error("expected \"pairs\" or a list of coalitions such as [[B03, B07], [B03, B07, B12]], got \""
            + c.json().asText() + "\"");
      }
      return new BargainingSpec(bill, List.of(), true, networkPart);
    }
    List<String> sharers = participants.stream().filter(p -> p instanceof Building || p instanceof ElectricVehicle)
        .map(Participant::id).toList();
    List<List<String>> coalitions = new ArrayList<>();
    for (ScenarioNode coalition : c.elements()) {
      coalitions.add(coalition(coalition, sharers));
    }
    return new BargainingSpec(bill, coalitions, false, networkPart);
  }

  /** ν: only with {@code bill: dlmp-rent-for-network}, from 0 to the lowest import tariff. */
  private static double networkPart(ScenarioNode block, String bill, Tariff tariff) {
    if (!block.has("network_part")) {
      return 0;
    }
    ScenarioNode node = block.child("network_part");
    if (!RENT_FOR_NETWORK.equals(bill)) {
      throw node.error("is read only with bill: " + RENT_FOR_NETWORK + " (the DSO keeps the network rent in place"
          + " of this part of the tariff); set that bill or remove network_part");
    }
    double nu = node.asNumber();
    double lowest = tariff.importPrice().min();
    if (nu < 0 || nu > lowest) {
      throw node.error("the network part of the import tariff must be from 0 to the lowest import tariff, "
          + lowest + " per kWh; got " + nu);
    }
    return nu;
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
