package org.peergrid.market.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs n independent tasks on a fixed number of threads and returns their results in task order,
 * so that anything computed from them does not depend on the number of threads. One thread runs
 * the tasks in the calling thread.
 */
public final class ParallelEvaluator {
  private final int threads;

  public ParallelEvaluator(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
  }

  /** One thread per available processor. */
  public static ParallelEvaluator allCores() {
    return new ParallelEvaluator(Runtime.getRuntime().availableProcessors());
  }

  public int threads() {
    return threads;
  }

  /**
   * task(0), ..., task(n − 1), in that order. An exception thrown by a task is rethrown (unchecked
   * ones as they are) after the remaining tasks are cancelled.
   */
  public <T> List<T> map(int n, IntFunction<T> task) {
    List<T> results = new ArrayList<>(n);
    if (threads == 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        results.add(task.apply(i));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), daemon());
    try {
      List<Future<T>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while evaluating the model", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("model evaluation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return runnable -> {
      Thread thread = new Thread(runnable, "peergrid-uncertainty");
      thread.setDaemon(true);
      return thread;
    };
  }
}
