package org.peergrid.market.uncertainty;

/** Counts finished evaluations and tells a listener, one call at a time. */
final class Progress {
  private final ProgressListener listener;
  private final int total;
  private int done;

  Progress(ProgressListener listener, int total) {
    this.listener = listener == null ? ProgressListener.NONE : listener;
    this.total = total;
  }

  synchronized void add(int evaluations) {
    done += evaluations;
    listener.evaluated(done, total);
  }
}
