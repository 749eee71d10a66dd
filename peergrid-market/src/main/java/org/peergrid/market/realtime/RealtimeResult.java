package org.peergrid.market.realtime;

import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.scenario.Scenario;

/**
 * A market day after real time: where it started, what was dispatched, who pays what, and the day
 * through the AC power flow.
 *
 * @param actual the scenario with the actual load and generation
 * @param dayAhead the day-ahead schedule and settlement
 * @param realized the day as real time dispatched it
 * @param settlement the two settlements
 * @param acCheck every real-time interval through the AC power flow, with the violations
 * @param traces every bus's voltage and every branch's loading in every interval
 * @param millis wall time of the real-time stage (dispatch, settlement, AC check) [ms]
 */
public record RealtimeResult(Scenario actual, DayAhead dayAhead, RealizedDay realized, TwoSettlementResult settlement,
    AcCheckResult acCheck, AcTraces traces, long millis) {}
