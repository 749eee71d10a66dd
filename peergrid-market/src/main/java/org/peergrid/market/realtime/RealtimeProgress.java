package org.peergrid.market.realtime;

/** Hears about each real-time interval as soon as it is dispatched (console progress for long days). */
@FunctionalInterface
public interface RealtimeProgress {
  RealtimeProgress NONE = (i, n) -> {};

  void interval(RealtimeInterval done, int intervals);
}
