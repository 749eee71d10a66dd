package org.peergrid.market.uncertainty;

/**
 * Told how many model evaluations are done. Calls are serialized and {@code done} increases
 * strictly from call to call, but they may come from worker threads; keep the listener quick.
 */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void evaluated(int done, int total);
}
