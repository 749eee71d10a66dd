package org.peergrid.market.realtime;

import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.scenario.Scenario;

/**
 * The real-time stage of a day (MODEL.md §7): rolling-horizon dispatch with the actual values,
 * the two settlements, and the AC power flow of every interval as it actually happened (with the
 * actual loads, so the reactive loads are the actual ones too).
 */
public final class RealtimeStage {
  private RealtimeStage() {}

  /**
   * @param forecast the scenario that the day-ahead market cleared
   * @param actual the same scenario with the actual load and generation ({@link ActualsCsv},
   *     {@link DeviationSampler})
   */
  public static RealtimeResult run(Scenario forecast, Scenario actual, DayAhead dayAhead, RealtimeProgress progress) {
    long start = System.nanoTime();
    RealizedDay realized = RollingHorizon.run(forecast, actual, dayAhead.schedule(), progress);
    TwoSettlementResult settlement = TwoSettlement.settle(forecast, dayAhead, realized);
    AcTraces traces = new AcTraces(forecast.network(), forecast.horizon().intervals());
    AcCheckResult ac = AcCheck.run(actual, realized.solution(), traces);
    return new RealtimeResult(actual, dayAhead, realized, settlement, ac, traces, (System.nanoTime() - start) / 1_000_000);
  }
}
