package org.peergrid.market.mechanism;

/** Whether a mechanism could settle the cooperative schedule. */
public enum SettlementStatus {
  /** Every participant has rows and a cost; the budget identity holds. */
  SETTLED,
  /**
   * No split of the bill satisfies the mechanism's guarantees: for bargaining, the community saving
   * is negative (someone must lose) or the payment bounds cannot add up to the bill.
   */
  NO_SPLIT
}
