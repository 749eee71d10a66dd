package org.peergrid.platform.ledger;

import java.util.List;

/**
 * What {@link LedgerVerifier} found.
 *
 * @param intact whether the chain and the tables it records agree
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first ledger entry that fails, or the entry that records a changed row
 *     (0 when intact)
 * @param reason what is wrong there (empty when intact)
 * @param anchors each anchor given, compared with the chain (empty when none was given, or when the
 *     chain is broken: then it is not compared)
 */
public record LedgerVerification(boolean intact, long entries, long firstBrokenSeq, String reason,
    List<AnchorCheck> anchors) {

  public LedgerVerification {
    anchors = List.copyOf(anchors);
  }

  /** Whether every anchor given matches (true without anchors; false when the chain is broken). */
  public boolean anchorsMatch() {
    return intact && anchors.stream().allMatch(AnchorCheck::matches);
  }

  static LedgerVerification ok(long entries) {
    return new LedgerVerification(true, entries, 0, "", List.of());
  }

  static LedgerVerification broken(long entries, long seq, String reason) {
    return new LedgerVerification(false, entries, seq, reason, List.of());
  }
}
