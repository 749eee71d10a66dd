package org.peergrid.platform.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.peergrid.platform.auth.Hashes;

/**
 * Recomputes the hash chain from the first entry and then checks that the tables the ledger records
 * still hold what was recorded: every stored offer envelope hashes to the payload of its offer
 * entry, and every stored result to its settlement entry. Names the first broken link, so a row
 * changed directly in the database (even with its own hash recomputed) is found.
 */
public final class LedgerVerifier {
  private final Jdbi jdbi;

  public LedgerVerifier(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public LedgerVerification verify() {
    List<LedgerEntry> chain = jdbi.withHandle(h -> h.createQuery("SELECT * FROM ledger ORDER BY seq")
        .map(LedgerRows.MAPPER).list());
    String prev = LedgerEntry.GENESIS;
    long expectedSeq = 1;
    Map<String, LedgerEntry> settlements = new HashMap<>();
    for (LedgerEntry e : chain) {
      long n = chain.size();
      if (e.seq() != expectedSeq) {
        return LedgerVerification.broken(n, expectedSeq, "entry " + expectedSeq + " is missing (next is " + e.seq() + ")");
      }
      if (!e.prevHash().equals(prev)) {
        return LedgerVerification.broken(n, e.seq(), "its previous hash does not match entry " + (e.seq() - 1));
      }
      if (!Hashes.sha256(e.payload()).equals(e.payloadHash())) {
        return LedgerVerification.broken(n, e.seq(), "its payload was changed (the payload hash does not match)");
      }
      if (!e.computeHash().equals(e.entryHash())) {
        return LedgerVerification.broken(n, e.seq(), "its fields do not hash to its entry hash");
      }
      if (e.kind().equals("settlement")) {
        settlements.put(e.dayId() + "\n" + e.participantId(), e);
      }
      prev = e.entryHash();
      expectedSeq++;
    }
    return checkTables(chain, settlements);
  }

  private LedgerVerification checkTables(List<LedgerEntry> chain, Map<String, LedgerEntry> settlements) {
    long n = chain.size();
    record Row(String dayId, String participantId, String text, long seq) {}
    List<Row> offers = jdbi.withHandle(h -> h.createQuery(
            "SELECT day_id, participant_id, envelope, ledger_seq FROM offer ORDER BY ledger_seq")
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
    for (Row o : offers) {
      LedgerEntry e = o.seq() >= 1 && o.seq() <= n ? chain.get((int) o.seq() - 1) : null;
      if (e == null || !e.kind().equals("offer") || !e.payloadHash().equals(Hashes.sha256(o.text()))) {
        return LedgerVerification.broken(n, o.seq(), "the stored offer of " + o.participantId() + " on day "
            + o.dayId() + " differs from what ledger entry " + o.seq() + " recorded");
      }
    }
    List<Row> results = jdbi.withHandle(h -> h.createQuery("SELECT day_id, participant_id, body FROM result")
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), 0)).list());
    for (Row r : results) {
      LedgerEntry e = settlements.get(r.dayId() + "\n" + r.participantId());
      if (e == null || !e.payloadHash().equals(Hashes.sha256(r.text()))) {
        return LedgerVerification.broken(n, e == null ? 0 : e.seq(), "the stored result of " + r.participantId()
            + " on day " + r.dayId() + " differs from its settlement entry");
      }
    }
    return LedgerVerification.ok(n);
  }
}
