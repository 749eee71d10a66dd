package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.cli.RealtimeActuals;
import org.peergrid.market.realtime.DayAhead;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.RealtimeStage;
import org.peergrid.market.scenario.Scenario;

/**
 * The real-time stage of {@code peergrid run}: the run's day-ahead schedule, settled at its DLMPs,
 * then the actual day as {@code peergrid realtime} walks it (docs/realtime.md).
 */
final class RealtimeRunStage implements RunStage {
  static final String DAY_AHEAD_SOURCE = "the run's day-ahead clearing (dlmp)";

  @Override
  public String name() {
    return "Real time: re-dispatch, two settlements, AC check";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return scenario.stages().realtime().isPresent();
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    Scenario forecast = dayAhead.scenario();
    RealtimeActuals actuals = RealtimeActuals.of(forecast, forecast.stages().realtime().orElseThrow());
    DayAhead settled = DayAhead.settle(forecast, dayAhead.solution(), DAY_AHEAD_SOURCE);
    RealtimeResult result = RealtimeStage.run(forecast, actuals.scenario(), settled, RealtimeProgress.NONE);
    return List.of(new RealtimeSection(result, actuals.description()));
  }
}
