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
 * changed directly in the database (even with its own hash recomputed) is found. A history rewritten
 * with every hash after the change recomputed verifies again; anchors (entry hashes noted outside the
 * database, {@link LedgerAnchor}) find it.
 */
public final class LedgerVerifier {
  private final Jdbi jdbi;

  public LedgerVerifier(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public LedgerVerification verify() {
    return verify(List.of());
  }

  /**
   * Verifies the chain and, when it is intact, compares each anchor with the entry stored at its seq in
   * the same reading of the chain.
   */
  public LedgerVerification verify(List<LedgerAnchor> anchors) {
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
      if (e.kind().equals("settlement") || e.kind().equals("realtime")) {
        settlements.put(e.kind() + "\n" + e.dayId() + "\n" + e.participantId(), e);
      }
      prev = e.entryHash();
      expectedSeq++;
    }
    LedgerVerification tables = checkTables(chain, settlements);
    if (!tables.intact()) {
      return tables;
    }
    // intact: entry k sits at index k - 1
    return new LedgerVerification(true, tables.entries(), 0, "", anchors.stream().map(a -> new AnchorCheck(a,
        a.seq() <= chain.size() ? chain.get((int) a.seq() - 1).entryHash() : null)).toList());
  }

  private record Row(String dayId, String participantId, String text, long seq) {}

  private LedgerVerification checkTables(List<LedgerEntry> chain, Map<String, LedgerEntry> settlements) {
    long n = chain.size();
    for (String[] signed : new String[][] {{"offer", "offer"}, {"meter_reading", "reading"}}) {
      List<Row> rows = jdbi.withHandle(h -> h.createQuery(
              "SELECT day_id, participant_id, envelope, ledger_seq FROM " + signed[0] + " ORDER BY ledger_seq")
          .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
      for (Row o : rows) {
        LedgerEntry e = o.seq() >= 1 && o.seq() <= n ? chain.get((int) o.seq() - 1) : null;
        if (e == null || !e.kind().equals(signed[1]) || !e.payloadHash().equals(Hashes.sha256(o.text()))) {
          return LedgerVerification.broken(n, o.seq(), "the stored " + signed[1] + " of " + o.participantId()
              + " on day " + o.dayId() + " differs from what ledger entry " + o.seq() + " recorded");
        }
      }
    }
    for (String[] result : new String[][] {{"result", "settlement"}, {"realtime_result", "realtime"}}) {
      List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT day_id, participant_id, body FROM " + result[0])
          .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), 0)).list());
      for (Row r : rows) {
        LedgerEntry e = settlements.get(result[1] + "\n" + r.dayId() + "\n" + r.participantId());
        if (e == null || !e.payloadHash().equals(Hashes.sha256(r.text()))) {
          return LedgerVerification.broken(n, e == null ? 0 : e.seq(), "the stored " + result[0].replace('_', ' ')
              + " of " + r.participantId() + " on day " + r.dayId() + " differs from its " + result[1].replace('_', ' ')
              + " entry");
        }
      }
    }
    return LedgerVerification.ok(n);
  }
}
