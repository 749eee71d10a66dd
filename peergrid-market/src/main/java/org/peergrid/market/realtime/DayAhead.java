package org.peergrid.market.realtime;

import java.util.Optional;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.vc.Grouping;

/**
 * The day-ahead result that real time starts from: the schedule (each participant's position) and
 * its settlement, whose totals are carried through to compare with the real-time cost.
 *
 * @param schedule the day-ahead schedule and its DLMPs
 * @param settlement the day-ahead settlement of that schedule (the DLMP one, or a mechanism's)
 * @param source where it came from, for reports ("cleared now" or the folder it was read from)
 * @param communities the virtual communities of a community mechanism (vc-game, vc-coop): real time
 *     then nets deviations inside each first ({@link TwoSettlement}); empty: every participant
 *     deviates on its own
 */
public record DayAhead(DispatchSolution schedule, SettlementResult settlement, String source,
    Optional<Grouping> communities) {

  /** A day-ahead result without communities. */
  public DayAhead(DispatchSolution schedule, SettlementResult settlement, String source) {
    this(schedule, settlement, source, Optional.empty());
  }

  /** Settles a day-ahead schedule at its DLMPs (MODEL.md §4), with every building's base case. */
  public static DayAhead settle(Scenario scenario, DispatchSolution schedule, String source) {
    return new DayAhead(schedule, DlmpSettlement.settle(scenario, schedule, BaseCase.of(scenario)), source);
  }
}
