package org.peergrid.market.mechanism;

import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;

/** What a participant is, for settling: buildings and EVs have a base case, the others do not. */
public enum Role {
  BUILDING,
  /** An electric vehicle: settled like a building against its charging at the tariff alone. */
  EV,
  GENERATOR,
  /** Owned by the buildings together (MODEL.md §4). */
  COMMUNITY_BATTERY;

  /** The role of a scenario participant. */
  public static Role of(Participant p) {
    return p instanceof Building ? BUILDING : p instanceof ElectricVehicle ? EV
        : p instanceof DistributedGenerator ? GENERATOR : COMMUNITY_BATTERY;
  }

  /** Whether members of this role have a base cost C⁰ and share the savings. */
  public boolean hasBaseCase() {
    return this == BUILDING || this == EV;
  }
}
