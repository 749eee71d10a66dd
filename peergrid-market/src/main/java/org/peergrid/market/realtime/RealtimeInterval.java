package org.peergrid.market.realtime;

/**
 * How one real-time interval was dispatched.
 *
 * @param interval the interval, from 0
 * @param redispatched false where nothing had deviated yet, so the day-ahead schedule was kept
 * @param networkLimitsDropped true where no re-dispatch met the LinDistFlow network limits with the
 *     actual values, and the interval was dispatched without them (the AC check shows the result)
 * @param solveMillis wall time of building and solving the rest of the day's LP [ms] (0 when kept)
 * @param deviationKw the community's net withdrawal minus its day-ahead position at the root [kW]
 */
public record RealtimeInterval(int interval, boolean redispatched, boolean networkLimitsDropped, double solveMillis,
    double deviationKw) {}
