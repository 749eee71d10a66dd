package org.peergrid.platform.market;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.peergrid.platform.api.ApiException;
import org.peergrid.platform.ledger.Ledger;

/**
 * Group commit of ledger writes: one writer thread takes the works that arrived while the previous
 * transaction committed and runs them all in one transaction, then answers each. A caller returns
 * only after the transaction holding its work committed, so the durability rule holds while the
 * cost of a commit is shared. A work that refuses (throws {@link ApiException}) must do so before
 * it writes anything; the others in its batch go on. Any other failure rolls the batch back and its
 * works are run again one per transaction, so one bad work fails only itself (a work may thus run
 * twice: it must act only on the database through its handle).
 */
final class GroupCommit implements AutoCloseable {
  private static final int MAX_BATCH = 256;
  private static final long POLL_MS = 200;

  private record Pending<T>(Ledger.Work<T> work, CompletableFuture<T> done) {}

  private final Ledger ledger;
  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean closed;

  GroupCommit(Ledger ledger) {
    this.ledger = ledger;
    writer = new Thread(this::drain, "peergrid-group-commit");
    writer.setDaemon(true);
    writer.start();
  }

  /** Runs the work in a shared transaction and returns its result once that transaction committed. */
  <T> T write(Ledger.Work<T> work) {
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
    if (closed) {
      throw new IllegalStateException("the server is stopping");
    }
    queue.add(pending);
    try {
      return pending.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** How many works wait for the writer (for tests and monitoring). */
  int queued() {
    return queue.size();
  }

  private void drain() {
    List<Pending<?>> batch = new ArrayList<>();
    try {
      while (!closed) {
        Pending<?> first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          commit(batch);
          batch.clear();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IllegalStateException stopped = new IllegalStateException("the server stopped before this was written");
    batch.addAll(queue);
    batch.forEach(p -> p.done().completeExceptionally(stopped));
  }

  private void commit(List<Pending<?>> batch) {
    Object[] results = new Object[batch.size()];
    ApiException[] refusals = new ApiException[batch.size()];
    try {
      ledger.write((h, appender) -> {
        for (int i = 0; i < batch.size(); i++) {
          try {
            results[i] = batch.get(i).work().run(h, appender);
          } catch (ApiException e) {
            refusals[i] = e;
          }
        }
        return null;
      });
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).done().completeExceptionally(e);
      } else {
        batch.forEach(p -> commit(List.of(p)));
      }
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      complete(batch.get(i), results[i], refusals[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void complete(Pending<T> pending, Object result, ApiException refusal) {
    if (refusal != null) {
      pending.done().completeExceptionally(refusal);
    } else {
      pending.done().complete((T) result);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
