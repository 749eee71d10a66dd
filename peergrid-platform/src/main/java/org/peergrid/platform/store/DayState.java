package org.peergrid.platform.store;

/** Where a market day is: offers are accepted only while OPEN. */
public enum DayState {
  /** Accepting offers until gate closure. */
  OPEN,
  /** Offers are frozen and the market is being cleared. */
  CLEARING,
  /** Results are available. */
  CLEARED,
  /**
   * No schedule meets the network and the offers; the message names the offers that make it so. The
   * DSO may exclude offers and clear again.
   */
  INFEASIBLE,
  /** Clearing found no settlement, or had no offers; the message says why. The DSO may clear again. */
  FAILED;

  /** Whether clearing may start from here: an open day, or one whose clearing did not produce results. */
  public boolean clearable() {
    return this == OPEN || this == INFEASIBLE || this == FAILED;
  }
}
