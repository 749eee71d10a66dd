package org.peergrid.market.realtime;

import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;

/**
 * The day-ahead result that real time starts from: the schedule (each participant's position) and
 * its settlement, whose totals are carried through to compare with the real-time cost.
 *
 * @param schedule the day-ahead schedule and its DLMPs
 * @param settlement the day-ahead DLMP settlement of that schedule
 * @param source where it came from, for reports ("cleared now" or the folder it was read from)
 */
public record DayAhead(DispatchSolution schedule, SettlementResult settlement, String source) {

  /** Settles a day-ahead schedule at its DLMPs (MODEL.md §4), with every building's base case. */
  public static DayAhead settle(Scenario scenario, DispatchSolution schedule, String source) {
    return new DayAhead(schedule, DlmpSettlement.settle(scenario, schedule, BaseCase.of(scenario)), source);
  }
}
