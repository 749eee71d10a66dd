package org.peergrid.market.scenario;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.peergrid.grid.ValidationException;

/**
 * The scenario's optional {@code run} block (docs/formats.md): the stages that {@code peergrid run}
 * adds after the day-ahead market. Neither changes the day-ahead figures; they are extra sections.
 *
 * @param uncertainty the uncertainty stage, if asked for
 * @param realtime the real-time stage, if asked for
 */
public record StageRequests(Optional<Uncertainty> uncertainty, Optional<Realtime> realtime) {
  /** What a scenario without the block asks for: no stages. */
  public static final StageRequests NONE = new StageRequests(Optional.empty(), Optional.empty());

  public StageRequests withUncertainty(Uncertainty u) {
    return new StageRequests(Optional.of(u), realtime);
  }

  /** Without the uncertainty stage (the command line's {@code --uncertainty none}). */
  public StageRequests withoutUncertainty() {
    return new StageRequests(Optional.empty(), realtime);
  }

  public StageRequests withRealtime(Realtime r) {
    return new StageRequests(uncertainty, Optional.of(r));
  }

  /**
   * The uncertainty stage: how the statistics are estimated (the {@code uncertainty} block says
   * which forecasts are random).
   *
   * @param method pem2m, pem2m+1 or mc
   * @param samples Monte Carlo samples (only mc reads it)
   * @param seed Monte Carlo seed (only mc reads it)
   */
  public record Uncertainty(String method, int samples, long seed) {
    /** The keys of {@code org.peergrid.market.probabilistic.Method}, which this package cannot see. */
    public static final Set<String> METHODS = Set.of("pem2m", "pem2m+1", "mc");
    /** The cheapest of the accurate estimates (docs/uncertainty.md): 2m+1 clearings. */
    public static final String DEFAULT_METHOD = "pem2m+1";
    /** As {@code peergrid uncertainty}'s defaults. */
    public static final int DEFAULT_SAMPLES = 10_000;
    public static final long DEFAULT_SEED = 1;

    public Uncertainty {
      if (!METHODS.contains(method)) {
        throw new ValidationException("unknown method \"" + method + "\"; use pem2m, pem2m+1 or mc");
      }
      if (samples < 2) {
        throw new ValidationException("samples must be at least 2, got " + samples);
      }
    }
  }

  /**
   * The real-time stage: the actual day either read from a file or sampled around the forecasts;
   * exactly one of the two is present.
   *
   * @param actuals a CSV file interval,participant,load_kw,pv_kw,wind_kw (docs/realtime.md)
   * @param sampleSeed the seed of {@code DeviationSampler.DEFAULT}
   */
  public record Realtime(Optional<Path> actuals, Optional<Long> sampleSeed) {
    public Realtime {
      if (actuals.isPresent() == sampleSeed.isPresent()) {
        throw new ValidationException("give either sample_seed or actuals (one of them)");
      }
    }

    public static Realtime sampled(long seed) {
      return new Realtime(Optional.empty(), Optional.of(seed));
    }

    public static Realtime fromFile(Path file) {
      return new Realtime(Optional.of(file), Optional.empty());
    }
  }
}
