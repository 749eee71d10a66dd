package org.peergrid.market.mechanism;

/** What a participant is, for settling: buildings have a base case, the others do not. */
public enum Role {
  BUILDING,
  GENERATOR,
  /** Owned by the buildings together (MODEL.md §4). */
  COMMUNITY_BATTERY
}
