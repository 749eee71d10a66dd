package org.peergrid.market.realtime;

import java.util.List;
import org.peergrid.market.dispatch.DispatchSolution;

/**
 * The day as real time dispatched it.
 *
 * @param solution every participant's realised schedule (with the actual load and generation); its
 *     grid import and export are the realised exchange at the root, its prices and network state
 *     those of the LP that dispatched each interval (the day-ahead one where it was kept, else the
 *     rest of the day's, whose prices are real-time marginal prices), and its objective the
 *     real-time cost of dispatch: deviations at the root at the real-time tariff, DG fuel and
 *     battery degradation
 * @param intervals one per interval, in order
 * @param dayAheadRootKw the day-ahead schedule's net import at the root per interval [kW]
 * @param realizedRootKw the realised net import at the root per interval [kW]
 * @param setupMillis building the real-time LP and its one cold solve on the forecasts, before the
 *     first interval [ms]
 */
public record RealizedDay(DispatchSolution solution, List<RealtimeInterval> intervals, double[] dayAheadRootKw,
    double[] realizedRootKw, long setupMillis) {

  public RealizedDay {
    intervals = List.copyOf(intervals);
    dayAheadRootKw = dayAheadRootKw.clone();
    realizedRootKw = realizedRootKw.clone();
  }

  /** Intervals that were re-dispatched. */
  public long redispatched() {
    return intervals.stream().filter(RealtimeInterval::redispatched).count();
  }

  /** The longest LP time of one interval [ms]. */
  public double maxSolveMillis() {
    return intervals.stream().mapToDouble(RealtimeInterval::solveMillis).max().orElse(0);
  }

  /** The mean LP time over the re-dispatched intervals [ms]; 0 if none was. */
  public double meanSolveMillis() {
    return intervals.stream().filter(RealtimeInterval::redispatched).mapToDouble(RealtimeInterval::solveMillis)
        .average().orElse(0);
  }
}
