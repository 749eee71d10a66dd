package org.peergrid.platform.ledger;

/**
 * What {@link LedgerVerifier} found.
 *
 * @param intact whether the chain and the tables it records agree
 * @param entries how many entries were checked
 * @param firstBrokenSeq the first ledger entry that fails, or the entry that records a changed row
 *     (0 when intact)
 * @param reason what is wrong there (empty when intact)
 */
public record LedgerVerification(boolean intact, long entries, long firstBrokenSeq, String reason) {

  static LedgerVerification ok(long entries) {
    return new LedgerVerification(true, entries, 0, "");
  }

  static LedgerVerification broken(long entries, long seq, String reason) {
    return new LedgerVerification(false, entries, seq, reason);
  }
}
