package org.peergrid.cli;

import java.util.Locale;
import org.peergrid.market.realtime.ActualsCsv;
import org.peergrid.market.realtime.DeviationSampler;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.StageRequests;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * The actual day of a real-time run, read from a file or sampled around the forecasts, and how
 * reports name its origin; shared by {@code peergrid realtime} and {@code peergrid run}'s stage.
 *
 * @param scenario the forecast scenario with the actual load and generation
 * @param description "from FILE" or "sampled with seed S (cv ...)"
 */
public record RealtimeActuals(Scenario scenario, String description) {

  public static RealtimeActuals of(Scenario forecast, StageRequests.Realtime request) {
    if (request.actuals().isPresent()) {
      return new RealtimeActuals(ActualsCsv.read(request.actuals().get(), forecast),
          "from " + request.actuals().get());
    }
    long seed = request.sampleSeed().orElseThrow();
    return new RealtimeActuals(DeviationSampler.DEFAULT.sample(forecast, seed), sampled(seed));
  }

  /** The actual day on a three-phase feeder, as {@link #of} reads or samples it on a MATPOWER feeder. */
  public record OnPhases(ThreePhaseScenario scenario, String description) {
    public static OnPhases of(ThreePhaseScenario forecast, StageRequests.Realtime request) {
      if (request.actuals().isPresent()) {
        return new OnPhases(ActualsCsv.read(request.actuals().get(), forecast), "from " + request.actuals().get());
      }
      long seed = request.sampleSeed().orElseThrow();
      return new OnPhases(DeviationSampler.DEFAULT.sample(forecast, seed), sampled(seed));
    }
  }

  private static String sampled(long seed) {
    DeviationSampler sampler = DeviationSampler.DEFAULT;
    return String.format(Locale.ROOT, "sampled with seed %d (cv load %.2f, PV %.2f, wind %.2f)", seed,
        sampler.loadCv(), sampler.pvCv(), sampler.windCv());
  }
}
