package org.peergrid.market.mechanism;

/** What a participant is, for settling: buildings and EVs have a base case, the others do not. */
public enum Role {
  BUILDING,
  /** An electric vehicle: settled like a building against its charging at the tariff alone. */
  EV,
  GENERATOR,
  /** Owned by the buildings together (MODEL.md §4). */
  COMMUNITY_BATTERY;

  /** Whether members of this role have a base cost C⁰ and share the savings. */
  public boolean hasBaseCase() {
    return this == BUILDING || this == EV;
  }
}
