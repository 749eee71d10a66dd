package org.peergrid.platform.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.peergrid.platform.auth.Hashes;

/**
 * The append-only, hash-chained table of accepted offers, clearings and settlements. Appends are
 * serialised in this process and happen inside the caller's transaction, so an entry commits
 * exactly when the data it records does; the primary key on {@code seq} refuses a second writer
 * that raced for the same position.
 */
public final class Ledger {
  private final Jdbi jdbi;
  private final Clock clock;
  private final ReentrantLock appendLock = new ReentrantLock();
  /** The last committed entry's seq and hash, guarded by the lock; null until read or after a rollback. */
  private long headSeq;
  private String headHash;
  /** Entries committed since this object was made, for the platform's metrics. */
  private final LongAdder committed = new LongAdder();

  public Ledger(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Work that writes data and the ledger entries that record it, in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Handle handle, Appender appender);
  }

  /** Appends entries after the chain's current head. */
  public final class Appender {
    private final Handle handle;
    private final long startSeq;
    private long seq;
    private String head;

    private Appender(Handle handle) {
      this.handle = handle;
      if (headHash == null) {
        // read once; afterwards the head is kept in memory, which saves a query per offer
        Optional<LedgerEntry> found = last(handle);
        headSeq = found.map(LedgerEntry::seq).orElse(0L);
        headHash = found.map(LedgerEntry::entryHash).orElse(LedgerEntry.GENESIS);
      }
      seq = headSeq;
      startSeq = seq;
      head = headHash;
    }

    public LedgerEntry append(String kind, String dayId, String participantId, String payload) {
      long next = seq + 1;
      long now = clock.millis();
      String payloadHash = Hashes.sha256(payload);
      String hash = LedgerEntry.hash(next, kind, dayId, participantId, payloadHash, head, now);
      LedgerEntry entry = new LedgerEntry(next, kind, dayId, participantId, payload, payloadHash, head, hash, now);
      handle.createUpdate("INSERT INTO ledger (seq, kind, day_id, participant_id, payload, payload_hash, prev_hash,"
              + " entry_hash, recorded_ms) VALUES (:seq, :kind, :dayId, :participantId, :payload, :payloadHash,"
              + " :prevHash, :entryHash, :recordedMs)")
          .bind("seq", next).bind("kind", kind).bind("dayId", dayId).bind("participantId", participantId)
          .bind("payload", payload).bind("payloadHash", payloadHash).bind("prevHash", head).bind("entryHash", hash)
          .bind("recordedMs", now).execute();
      seq = next;
      head = hash;
      return entry;
    }
  }

  /** Runs the work in a transaction with the ledger's append lock held until it commits. */
  public <T> T write(Work<T> work) {
    appendLock.lock();
    try {
      Appender[] appender = new Appender[1];
      T result = jdbi.inTransaction(h -> work.run(h, appender[0] = new Appender(h)));
      headSeq = appender[0].seq;
      headHash = appender[0].head;
      committed.add(appender[0].seq - appender[0].startSeq);
      return result;
    } catch (RuntimeException e) {
      headHash = null; // rolled back, or unknown whether committed: read the head again next time
      throw e;
    } finally {
      appendLock.unlock();
    }
  }

  /** How many entries this ledger has committed since it was made (not those of earlier runs). */
  public long entriesCommitted() {
    return committed.sum();
  }

  /**
   * The last committed entry, the chain's head (empty while the ledger is empty): what is published
   * so that the head is known outside the database.
   */
  public Optional<LedgerEntry> head() {
    return jdbi.withHandle(Ledger::last);
  }

  private static Optional<LedgerEntry> last(Handle h) {
    return h.createQuery("SELECT * FROM ledger WHERE seq = (SELECT MAX(seq) FROM ledger)").map(LedgerRows.MAPPER)
        .findFirst();
  }

  /** The entry that records this payload hash (e.g. an offer's receipt hash). */
  public Optional<LedgerEntry> findByPayloadHash(String payloadHash) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM ledger WHERE payload_hash = :h ORDER BY seq")
        .bind("h", payloadHash).map(LedgerRows.MAPPER).findFirst());
  }

  /** The entries with seq from {@code from} to {@code to} (both included), in order; by the primary key. */
  public List<LedgerEntry> range(long from, long to) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM ledger WHERE seq BETWEEN :from AND :to ORDER BY seq")
        .bind("from", from).bind("to", to).map(LedgerRows.MAPPER).list());
  }

  /** Every entry in order. */
  public List<LedgerEntry> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM ledger ORDER BY seq").map(LedgerRows.MAPPER).list());
  }
}
