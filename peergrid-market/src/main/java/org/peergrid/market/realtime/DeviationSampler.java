package org.peergrid.market.realtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ThreePhaseScenario;

/**
 * Samples an actual day around the forecast (docs/realtime.md, sampling model): every building's
 * load, PV and wind in every interval is its forecast times 1 + cv·z, with z standard normal
 * truncated to [−{@value #TRUNCATION}, {@value #TRUNCATION}] (redrawn outside, so the mean stays the
 * forecast) and the product clipped at 0. Draws are independent across buildings, intervals and
 * quantities: forecast errors are neither correlated in time nor between neighbours, which
 * understates how a passing cloud moves a whole street's PV together; the docs say so.
 *
 * <p>A zero forecast stays zero (no PV at night), and PV never exceeds forecast × (1 + 2 cv_pv):
 * the forecast envelope. The draws come from one {@link SplittableRandom} seeded with the seed, in
 * the order interval, building (scenario order), load, PV, wind, so one seed always gives one day.
 *
 * @param loadCv coefficient of variation of the load's relative error
 * @param pvCv that of PV
 * @param windCv that of wind
 */
public record DeviationSampler(double loadCv, double pvCv, double windCv) {
  /** Draws beyond this many standard deviations are redrawn. */
  public static final double TRUNCATION = 2;
  /**
   * Day-ahead errors of a single building's load are about 10 % (much more than a feeder's, as
   * single meters do not average out), PV's about 20 % and wind's about 25 % of the forecast at a
   * day's notice: round figures of the sizes reported for building-level forecasting.
   */
  public static final DeviationSampler DEFAULT = new DeviationSampler(0.10, 0.20, 0.25);

  public DeviationSampler {
    for (double cv : new double[] {loadCv, pvCv, windCv}) {
      if (!(cv >= 0 && cv <= 0.5)) {
        throw new ValidationException("a coefficient of variation must lie in [0, 0.5] (so that 1 − 2 cv ≥ 0), got "
            + cv);
      }
    }
  }

  /** The actual day drawn with {@code seed}. */
  public Scenario sample(Scenario forecast, long seed) {
    return ActualDay.of(forecast, series(forecast.buildings(), forecast.horizon().intervals(), seed));
  }

  /** The actual day drawn with {@code seed} on a three-phase feeder (the same draws, in the same order). */
  public ThreePhaseScenario sample(ThreePhaseScenario forecast, long seed) {
    return ActualDay.of(forecast, series(forecast.buildings(), forecast.horizon().intervals(), seed));
  }

  private Map<String, ActualDay.Series> series(List<Building> buildings, int intervals, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, ActualDay.Series> actual = new LinkedHashMap<>();
    buildings.forEach(b -> actual.put(b.id(), ActualDay.forecastOf(b)));
    for (int t = 0; t < intervals; t++) {
      for (Building b : buildings) {
        ActualDay.Series s = actual.get(b.id());
        s.loadKw()[t] *= factor(random, loadCv);
        s.pvKw()[t] *= factor(random, pvCv);
        s.windKw()[t] *= factor(random, windCv);
      }
    }
    return actual;
  }

  private static double factor(SplittableRandom random, double cv) {
    double z;
    do {
      z = gaussian(random);
    } while (Math.abs(z) > TRUNCATION);
    return Math.max(0, 1 + cv * z);
  }

  /** A standard normal draw (Marsaglia's polar method: SplittableRandom has no nextGaussian on Java 17). */
  static double gaussian(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
