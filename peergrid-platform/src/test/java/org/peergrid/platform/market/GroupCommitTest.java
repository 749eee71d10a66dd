package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerEntry;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.store.Database;

/** Works queued while a transaction commits share the next one; a refusal or a failure stays its own. */
class GroupCommitTest {
  /**
   * The entries' kind: not "offer", which the ledger's verification requires an offer row for; these
   * works append entries only.
   */
  private static final String KIND = "work";
  private Database database;
  private Ledger ledger;
  private GroupCommit commits;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    database = Database.open("jdbc:h2:mem:group" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    ledger = new Ledger(database.jdbi(), Clock.systemUTC());
    commits = new GroupCommit(ledger);
  }

  @AfterEach
  void close() {
    commits.close();
    threads.shutdownNow();
    database.close();
  }

  @Test
  void worksThatQueuedTogetherCommitInOneTransactionAndARefusalFailsAlone() throws Exception {
    Set<Handle> handles = ConcurrentHashMap.newKeySet();
    CountDownLatch release = blockWriter();
    List<CompletableFuture<Long>> queued = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String name = "w" + i;
      queued.add(CompletableFuture.supplyAsync(() -> commits.write((h, appender) -> {
        handles.add(h);
        if (name.equals("w2")) {
          throw ApiError.REPLAYED_NONCE.with("n", name);
        }
        return appender.append(KIND, "d1", name, name).seq();
      }), threads));
      awaitQueued(i + 1); // in this order
    }
    release.countDown();
    assertThat(queued.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(queued.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(3);
    assertThatThrownBy(() -> queued.get(2).join()).hasCauseInstanceOf(org.peergrid.platform.api.ApiException.class);
    assertThat(queued.get(3).get(30, TimeUnit.SECONDS)).isEqualTo(4);
    assertThat(handles).as("one transaction for the four queued works").hasSize(1);
    assertThat(ledger.all()).extracting(LedgerEntry::participantId).containsExactly("blocker", "w0", "w1", "w3");
    assertThat(new LedgerVerifier(database.jdbi()).verify().intact()).isTrue();
  }

  @Test
  void anUnexpectedFailureRollsTheBatchBackAndTheOthersCommitAlone() throws Exception {
    CountDownLatch release = blockWriter();
    CompletableFuture<Long> bad = CompletableFuture.supplyAsync(() -> commits.write((h, appender) -> {
      appender.append(KIND, "d1", "bad", "bad");
      throw new IllegalStateException("disk on fire");
    }), threads);
    awaitQueued(1);
    CompletableFuture<Long> good = CompletableFuture.supplyAsync(() -> commits.write((h, appender) ->
        appender.append(KIND, "d1", "good", "good").seq()), threads);
    awaitQueued(2);
    release.countDown();
    assertThat(good.get(30, TimeUnit.SECONDS)).isEqualTo(2);
    assertThatThrownBy(bad::join).hasRootCauseMessage("disk on fire");
    assertThat(ledger.all()).extracting(LedgerEntry::participantId).containsExactly("blocker", "good");
    assertThat(new LedgerVerifier(database.jdbi()).verify().intact()).isTrue();
  }

  /** Holds the writer thread in a transaction until the returned latch is released. */
  private CountDownLatch blockWriter() throws InterruptedException {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture.runAsync(() -> commits.write((h, appender) -> {
      appender.append(KIND, "d1", "blocker", "blocker");
      inside.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return null;
    }), threads);
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    return release;
  }

  private void awaitQueued(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (commits.queued() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(commits.queued()).isEqualTo(n);
  }
}
