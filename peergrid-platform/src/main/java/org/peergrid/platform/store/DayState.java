package org.peergrid.platform.store;

/** Where a market day is: offers are accepted only while OPEN. */
public enum DayState {
  /** Accepting offers until gate closure. */
  OPEN,
  /** Offers are frozen and the market is being cleared. */
  CLEARING,
  /** Results are available. */
  CLEARED,
  /** Clearing found no schedule or settlement; the message says why. */
  FAILED
}
