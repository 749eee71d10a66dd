package org.peergrid.market.scenario;

import org.peergrid.market.uncertainty.LoadInput;
import org.peergrid.market.uncertainty.RandomInput;

/**
 * How a building's load forecast is random: normal, with the forecast as mean.
 *
 * @param cv σ/μ (default {@value LoadInput#DEFAULT_CV})
 */
public record LoadUncertainty(double cv) {
  public static final LoadUncertainty DEFAULT = new LoadUncertainty(LoadInput.DEFAULT_CV);

  public LoadUncertainty {
    BatterySpec.nonNegative("cv", cv);
  }

  /** The input of one interval. */
  public RandomInput input(double forecastKw) {
    return LoadInput.forecast(forecastKw, cv);
  }
}
