package org.peergrid.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.store.MarketStore;

/**
 * Verifying while the market commits: the chain and the tables it records must be read as of one moment,
 * or a settlement committed between the two reads looks like a row without its entry (a false alarm on a
 * live server, where {@code GET /api/ledger/verify} and {@code peergrid ledger verify} run beside intake).
 */
class LedgerVerifierConcurrencyTest {
  private static final int COMMITS = 600;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:h2:mem:verify" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aVerificationBesideCommittingSettlementsFindsTheLedgerIntact() throws Exception {
    Ledger ledger = new Ledger(database.jdbi(), Clock.systemUTC());
    MarketStore store = new MarketStore(database.jdbi());
    AtomicInteger written = new AtomicInteger();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < COMMITS; i++) {
        int n = i;
        ledger.write((h, appender) -> {
          String body = "{\"cost\":" + n + "}";
          store.insertResult(h, "d1", "P" + n, body);
          return appender.append("settlement", "d1", "P" + n, body);
        });
        written.incrementAndGet();
      }
    });
    LedgerVerifier verifier = new LedgerVerifier(database.jdbi());
    int verifications = 0;
    int during = 0;
    while (!writer.isDone()) {
      int before = written.get();
      LedgerVerification v = verifier.verify();
      assertThat(v.intact()).as("verification %d after %d commits: %s", verifications, before, v.reason()).isTrue();
      verifications++;
      during += written.get() > before ? 1 : 0;
    }
    writer.get(30, TimeUnit.SECONDS);
    assertThat(verifier.verify().entries()).isEqualTo(COMMITS);
    assertThat(during).as("verifications while the writer committed").isGreaterThan(3);
  }
}
