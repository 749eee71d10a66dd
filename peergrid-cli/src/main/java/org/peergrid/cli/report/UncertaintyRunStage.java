package org.peergrid.cli.report;

import java.util.List;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.Method;
import org.peergrid.market.probabilistic.ProbabilisticClearing;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.StageRequests;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * The uncertainty stage of {@code peergrid run}: the day cleared again under random forecasts, as
 * {@code peergrid uncertainty --method M} with the DLMP mechanism (the run's day-ahead one).
 */
final class UncertaintyRunStage implements RunStage {

  @Override
  public String name() {
    return "Uncertainty of PV, wind and load";
  }

  @Override
  public boolean requestedBy(Scenario scenario) {
    return scenario.stages().uncertainty().isPresent();
  }

  @Override
  public List<ReportSection> run(RunResults dayAhead) {
    Scenario s = dayAhead.scenario();
    StageRequests.Uncertainty asked = s.stages().uncertainty().orElseThrow();
    Method method = Method.byKey(asked.method()).orElseThrow(); // the loader checked the name
    ProbabilisticClearing clearing = new ProbabilisticClearing(new DlmpMechanism(), ParallelEvaluator.allCores());
    DayUncertainty result = method == Method.MONTE_CARLO
        ? clearing.monteCarlo(s, asked.samples(), asked.seed(), ProgressListener.NONE)
        : clearing.pointEstimate(s, method, ProgressListener.NONE);
    return List.of(new UncertaintySection(result, s.uncertainty().correlation().key()));
  }
}
