package org.peergrid.market.vc;

import java.util.List;

/**
 * A group of participants that trade among themselves first (B2B) and through one coordinator
 * with the rest (B2C, C2C).
 *
 * @param id e.g. VC03
 * @param members participant ids, in scenario order
 */
public record VirtualCommunity(String id, List<String> members) {
  public VirtualCommunity {
    members = List.copyOf(members);
  }
}
