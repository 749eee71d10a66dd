package org.peergrid.platform.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.peergrid.platform.auth.Hashes;

/**
 * Recomputes the hash chain from the first entry and then checks the tables the ledger records against
 * it in both directions: every stored offer, reading, result, real-time result and cleared day's public
 * prices must hash to the payload of its entry, and every such entry must still have its row. Names the
 * first broken link, so a row changed or deleted directly in the database (even with its own hash
 * recomputed) is found. A history rewritten with every hash after the change recomputed verifies
 * again; anchors (entry hashes noted outside the database, {@link LedgerAnchor}) find it.
 */
public final class LedgerVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();
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
    // One read-only transaction that sees one snapshot of the whole database, so that what the market
    // commits meanwhile is neither a row without its entry nor an entry without its row. PostgreSQL's
    // repeatable read is such a snapshot (and never fails a read-only transaction, where serializable
    // may); H2's repeatable read takes each table's snapshot when the table is first read, its
    // serializable one snapshot for all tables.
    return jdbi.withHandle(h -> {
      h.setReadOnly(true);
      return h.inTransaction(isH2(h) ? TransactionIsolationLevel.SERIALIZABLE
          : TransactionIsolationLevel.REPEATABLE_READ, tx -> verify(tx, anchors));
    });
  }

  private static boolean isH2(Handle h) {
    try {
      return h.getConnection().getMetaData().getDatabaseProductName().equals("H2");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database holds the ledger", e);
    }
  }

  private LedgerVerification verify(Handle h, List<LedgerAnchor> anchors) {
    List<LedgerEntry> chain = h.createQuery("SELECT * FROM ledger ORDER BY seq").map(LedgerRows.MAPPER).list();
    String prev = LedgerEntry.GENESIS;
    long expectedSeq = 1;
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
      prev = e.entryHash();
      expectedSeq++;
    }
    LedgerVerification tables = checkTables(h, chain);
    if (!tables.intact()) {
      return tables;
    }
    // intact: entry k sits at index k - 1
    return new LedgerVerification(true, tables.entries(), 0, "", anchors.stream().map(a -> new AnchorCheck(a,
        a.seq() <= chain.size() ? chain.get((int) a.seq() - 1).entryHash() : null)).toList());
  }

  /**
   * Both directions, table by table: every stored row must be recorded by its entry (same hash, same
   * day and participant, and for signed rows the nonce and timestamp inside the envelope), and every
   * entry must still have its row. A row deleted directly in the database (say a prosumer's latest
   * offer, so that clearing silently falls back to an older one) is named by the entry left without it.
   */
  private LedgerVerification checkTables(Handle h, List<LedgerEntry> chain) {
    List<Problem> problems = new ArrayList<>();
    SIGNED.forEach(table -> checkSigned(h, table, chain, problems));
    RESULTS.forEach(table -> checkResults(h, table, chain, problems));
    checkClearings(h, chain, problems);
    return problems.stream().min(Comparator.comparingLong(Problem::seq))
        .map(p -> LedgerVerification.broken(chain.size(), p.seq(), p.reason()))
        .orElse(LedgerVerification.ok(chain.size()));
  }

  /** What is wrong at an entry; the lowest seq is reported. */
  private record Problem(long seq, String reason) {}

  /** A table whose rows the ledger records, with the kind of the entries that record them. */
  private record Recorded(String table, String kind) {}

  /** Signed envelopes, each row pointing at its entry by seq. */
  private static final List<Recorded> SIGNED = List.of(new Recorded("offer", "offer"),
      new Recorded("meter_reading", "reading"));
  /** Documents written at a clearing or a real-time settlement: one row per day and participant. */
  private static final List<Recorded> RESULTS = List.of(new Recorded("result", "settlement"),
      new Recorded("realtime_result", "realtime"));

  private record SignedRow(String dayId, String participantId, String nonce, long signedMs, String envelope,
      String receipt, long seq) {}

  private void checkSigned(Handle h, Recorded t, List<LedgerEntry> chain, List<Problem> problems) {
    List<SignedRow> rows = h.createQuery("SELECT day_id, participant_id, nonce, signed_ms,"
            + " envelope, receipt, ledger_seq FROM " + t.table())
        .map((rs, ctx) -> new SignedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getString(6), rs.getLong(7))).list();
    Set<Long> claimed = new HashSet<>();
    for (SignedRow row : rows) {
      String what = "the stored " + t.kind() + " of " + row.participantId() + " on day " + row.dayId();
      LedgerEntry e = row.seq() >= 1 && row.seq() <= chain.size() ? chain.get((int) row.seq() - 1) : null;
      String hash = Hashes.sha256(row.envelope());
      if (e == null || !e.kind().equals(t.kind()) || !e.payloadHash().equals(hash)
          || !e.dayId().equals(row.dayId()) || !row.participantId().equals(e.participantId())) {
        problems.add(new Problem(row.seq(), what + " differs from what ledger entry " + row.seq() + " recorded"));
      } else if (!claimed.add(row.seq())) {
        problems.add(new Problem(row.seq(), what + " is a second row for ledger entry " + row.seq()
            + " (table " + t.table() + " has a copied row)"));
      } else if (!row.receipt().equals(hash) || !envelopeHas(row)) {
        problems.add(new Problem(row.seq(), what + " has a receipt, nonce or signed time that its envelope (entry "
            + row.seq() + ") does not"));
      }
    }
    for (LedgerEntry e : chain) {
      if (e.kind().equals(t.kind()) && !claimed.contains(e.seq())
          && problems.stream().noneMatch(p -> p.seq() == e.seq())) {
        problems.add(new Problem(e.seq(), "ledger entry " + e.seq() + " records " + article(t.kind()) + " of "
            + e.participantId() + " on day " + e.dayId() + " that table " + t.table() + " no longer holds (the row"
            + " was deleted)"));
      }
    }
  }

  /** Whether the columns read from a signed envelope (nonce, signed time) still say what it says. */
  private static boolean envelopeHas(SignedRow row) {
    try {
      JsonNode envelope = JSON.readTree(row.envelope());
      return row.nonce().equals(envelope.path("nonce").asText(null))
          && Instant.parse(envelope.path("timestamp").asText("")).toEpochMilli() == row.signedMs();
    } catch (IOException | DateTimeParseException e) {
      return false;
    }
  }

  private void checkResults(Handle h, Recorded t, List<LedgerEntry> chain, List<Problem> problems) {
    Map<String, LedgerEntry> entries = latestByKey(chain, t.kind(), e -> e.dayId() + "\n" + e.participantId());
    Map<String, String> rows = new HashMap<>();
    h.createQuery("SELECT day_id, participant_id, body FROM " + t.table())
        .map((rs, ctx) -> Map.entry(rs.getString(1) + "\n" + rs.getString(2), rs.getString(3)))
        .forEach(r -> rows.put(r.getKey(), r.getValue()));
    String name = t.table().replace('_', ' ');
    rows.forEach((key, body) -> {
      LedgerEntry e = entries.get(key);
      String[] who = key.split("\n", 2);
      if (e == null) {
        problems.add(new Problem(0, "the stored " + name + " of " + who[1] + " on day " + who[0] + " has no "
            + t.kind() + " entry"));
      } else if (!e.payloadHash().equals(Hashes.sha256(body))) {
        problems.add(new Problem(e.seq(), "the stored " + name + " of " + who[1] + " on day " + who[0]
            + " differs from its " + t.kind() + " entry"));
      }
    });
    entries.forEach((key, e) -> {
      if (!rows.containsKey(key)) {
        problems.add(new Problem(e.seq(), "ledger entry " + e.seq() + " records the " + t.kind() + " of "
            + e.participantId() + " on day " + e.dayId() + " that table " + t.table() + " no longer holds (the row"
            + " was deleted)"));
      }
    });
  }

  /** A cleared day's public prices (table day_clearing) against its clearing entry, both ways. */
  private void checkClearings(Handle h, List<LedgerEntry> chain, List<Problem> problems) {
    Map<String, LedgerEntry> latest = latestByKey(chain, "clearing", LedgerEntry::dayId);
    Map<String, String> rows = new HashMap<>();
    h.createQuery("SELECT day_id, public_prices FROM day_clearing")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(r -> rows.put(r.getKey(), r.getValue()));
    latest.forEach((day, e) -> {
      JsonNode payload = readOrNull(e.payload());
      boolean cleared = payload != null && "cleared".equals(payload.path("state").asText());
      String prices = rows.get(day);
      if (cleared && prices == null) {
        problems.add(new Problem(e.seq(), "ledger entry " + e.seq() + " records the clearing of day " + day
            + " whose public prices table day_clearing no longer holds (the row was deleted)"));
      } else if (cleared && !prices.equals(payload.path("public_prices").asText())) {
        problems.add(new Problem(e.seq(), "the stored public prices of day " + day + " differ from its clearing entry "
            + e.seq()));
      } else if (!cleared && prices != null) {
        problems.add(new Problem(e.seq(), "day " + day + " has public prices but its clearing entry " + e.seq()
            + " records no cleared day"));
      }
    });
    rows.keySet().stream().filter(day -> !latest.containsKey(day)).forEach(day -> problems.add(
        new Problem(0, "the stored public prices of day " + day + " have no clearing entry")));
  }

  /** The last entry of a kind for each key (a later entry supersedes an earlier one of the same key). */
  private static Map<String, LedgerEntry> latestByKey(List<LedgerEntry> chain, String kind,
      Function<LedgerEntry, String> key) {
    Map<String, LedgerEntry> latest = new HashMap<>();
    chain.stream().filter(e -> e.kind().equals(kind)).forEach(e -> latest.put(key.apply(e), e));
    return latest;
  }

  private static JsonNode readOrNull(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private static String article(String kind) {
    return (kind.startsWith("o") ? "an " : "a ") + kind;
  }
}
