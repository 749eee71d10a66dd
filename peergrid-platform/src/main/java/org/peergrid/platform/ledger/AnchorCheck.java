package org.peergrid.platform.ledger;

/**
 * One anchor compared with the stored chain.
 *
 * @param anchor the seq and hash that were noted
 * @param storedHash the entry hash stored at that seq now, or null when the chain has no such entry
 *     (it ends before)
 */
public record AnchorCheck(LedgerAnchor anchor, String storedHash) {
  /** Whether the entry at the anchor's seq still has the anchor's hash. */
  public boolean matches() {
    return anchor.entryHash().equals(storedHash);
  }
}
