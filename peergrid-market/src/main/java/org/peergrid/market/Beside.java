package org.peergrid.market;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A computation started now on a (daemon) thread of its own, so that the caller's thread does other
 * independent work meanwhile: the one-shot clearing has two cores and one main thread
 * (docs/benchmarks.md, "After oneshot3"). {@link Supplier#get()} waits for the result and throws the
 * computation's exception as it would have been thrown on the caller's thread. A result never asked
 * for is dropped when the thread ends.
 */
public final class Beside {
  private Beside() {}

  /** Starts {@code work} on a new thread named {@code name}. */
  public static <T> Supplier<T> start(String name, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
    return () -> {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(name + " failed", e.getCause());
      }
    };
  }
}
