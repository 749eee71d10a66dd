package org.peergrid.platform.testsupport;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.ledger.LedgerEntry;

/**
 * What an insider who controls the database can do and the chain alone cannot reveal: change an old
 * row, then recompute every hash after it with the ledger's own hash function, so that verification
 * passes again. Only an anchor noted before (an entry hash kept outside the database) shows it.
 */
public final class LedgerRewrite {
  private LedgerRewrite() {}

  /**
   * Makes a participant's settled bill of every day negative, in its stored result and in its
   * settlement entry alike, and recomputes the chain. Returns the rewritten settlement entry's seq.
   */
  public static long lowerSettledCost(Jdbi jdbi, String participantId) {
    return jdbi.inTransaction(h -> {
      String change = "REPLACE(%s, '\"cost\":', '\"cost\":-1')";
      h.createUpdate("UPDATE result SET body = " + change.formatted("body") + " WHERE participant_id = :p")
          .bind("p", participantId).execute();
      h.createUpdate("UPDATE ledger SET payload = " + change.formatted("payload")
              + " WHERE kind = 'settlement' AND participant_id = :p")
          .bind("p", participantId).execute();
      recomputeChain(h);
      return h.createQuery("SELECT MIN(seq) FROM ledger WHERE kind = 'settlement' AND participant_id = :p")
          .bind("p", participantId).mapTo(Long.class).one();
    });
  }

  /**
   * Recomputes, in seq order, every entry's payload hash, previous hash and entry hash from its stored
   * fields, with {@link LedgerEntry#computeHash()}: the chain verifies again whatever was changed.
   */
  public static void recomputeChain(Handle h) {
    List<LedgerEntry> rows = h.createQuery("SELECT * FROM ledger ORDER BY seq")
        .map((rs, ctx) -> new LedgerEntry(rs.getLong("seq"), rs.getString("kind"), rs.getString("day_id"),
            rs.getString("participant_id"), rs.getString("payload"), null, null, null, rs.getLong("recorded_ms")))
        .list();
    String prev = LedgerEntry.GENESIS;
    for (LedgerEntry row : rows) {
      LedgerEntry rewritten = new LedgerEntry(row.seq(), row.kind(), row.dayId(), row.participantId(), row.payload(),
          Hashes.sha256(row.payload()), prev, null, row.recordedMs());
      String hash = rewritten.computeHash();
      h.createUpdate("UPDATE ledger SET payload_hash = :ph, prev_hash = :prev, entry_hash = :hash WHERE seq = :s")
          .bind("ph", rewritten.payloadHash()).bind("prev", prev).bind("hash", hash).bind("s", row.seq()).execute();
      prev = hash;
    }
  }
}
