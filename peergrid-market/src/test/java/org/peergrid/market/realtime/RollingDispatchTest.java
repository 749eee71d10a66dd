package org.peergrid.market.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.market.testing.Tolerances.DELTA_MONEY;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.dispatch.RollingDispatch;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/**
 * The warm-started whole-day LP with the past fixed solves the same problem as a fresh sub-horizon
 * model of the rest of the day: at every interval, its optimum less the cost of the intervals
 * already carried out is the sub-horizon's optimum.
 */
class RollingDispatchTest {
  @TempDir Path dir;

  @Test
  void everyIntervalMatchesAFreshModelOfTheRestOfTheDay() {
    check(RealtimeScenarios.load(dir, "toy.yaml", RealtimeScenarios.TOY), 4);
  }

  @Test
  void everyIntervalMatchesAFreshModelOfTheRestOfTheDayOnIeee33() {
    check(RealtimeScenarios.ieee33(dir), 24);
  }

  private static void check(Scenario forecast, int n) {
    Scenario actual = new DeviationSampler(0.3, 0.5, 0.5).sample(forecast, 99);
    DispatchSolution da = RealtimeScenarios.dayAhead(forecast).schedule();
    double[] root = RollingHorizon.rootNetKw(forecast, da);
    Map<String, Double> targets = RemainingDay.endTargets(forecast);
    Map<String, Double> energy = new HashMap<>(targets);
    Map<String, Double> served = new HashMap<>();
    double hours = forecast.horizon().hours();
    double past = 0;
    try (RollingDispatch lp = RollingDispatch.start(forecast, actual, root)) {
      for (int t = 0; t < n; t++) {
        DispatchSolution warm = lp.solve(t).result().optimal();
        Scenario rest = RemainingDay.scenario(forecast, actual, t, energy, served);
        DispatchSolution cold = LinDistFlowDispatch.solveRest(rest, RemainingDay.terms(root, t, targets)).optimal();
        assertThat(warm.objective() - past).as("interval " + t).isCloseTo(cold.objective(), within(DELTA_MONEY));
        past += cost(forecast, warm, t, hours);
        for (int i = 0; i < forecast.participants().size(); i++) {
          Participant p = forecast.participants().get(i);
          ParticipantSchedule s = warm.schedules().get(i);
          final int row = t;
          energy.computeIfPresent(p.id(), (k, e) -> s.socKwh().get(row));
          served.merge(p.id(), s.shiftedKw().get(t) * hours, Double::sum);
        }
      }
    }
  }

  /** What interval t costs in the real-time LP's objective. */
  private static double cost(Scenario s, DispatchSolution x, int t, double hours) {
    double c = hours * (s.realtimeTariff().importPrice().get(t) * x.gridImportKw().get(t)
        - s.realtimeTariff().exportPrice().get(t) * x.gridExportKw().get(t));
    for (int i = 0; i < s.participants().size(); i++) {
      Participant p = s.participants().get(i);
      ParticipantSchedule y = x.schedules().get(i);
      double deg = RemainingDay.battery(p).map(b -> b.degradationCostPerKwh()).orElse(0.0);
      c += hours * deg * (y.chargeKw().get(t) + y.dischargeKw().get(t));
      if (p instanceof DistributedGenerator g) {
        c += hours * g.costPerKwh() * y.generationKw().get(t);
      }
    }
    return c;
  }
}
