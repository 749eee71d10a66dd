package org.peergrid.market.scenario;

import java.util.OptionalDouble;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.uncertainty.FixedInput;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.uncertainty.WindInput;
import org.peergrid.market.uncertainty.WindTurbineCurve;

/**
 * How a building's wind forecast is random: a Weibull(k, c) wind speed through a piecewise-linear
 * turbine curve, c fitted so that the forecast is the mean power ({@link WindInput#fitted}).
 *
 * @param shape Weibull k (default {@value WindInput#DEFAULT_SHAPE}, the Rayleigh distribution)
 * @param cutInMs v_ci [m/s]
 * @param ratedMs v_r [m/s]
 * @param cutOutMs v_co [m/s]
 * @param ratedKw P_r; when empty, ratedFactor × the largest value of the building's wind_kw
 * @param ratedFactor P_r / max(wind_kw) when ratedKw is not given (default {@value #DEFAULT_RATED_FACTOR})
 */
public record WindUncertainty(double shape, double cutInMs, double ratedMs, double cutOutMs, OptionalDouble ratedKw,
    double ratedFactor) {
  /**
   * With k = 2 and the default speeds no Weibull speed gives a mean power above about 0.70·P_r, so a
   * forecast needs P_r ≥ 1.43 × it; 2 leaves room and is a plausible day-ahead peak of half the rating.
   */
  public static final double DEFAULT_RATED_FACTOR = 2;

  public static final WindUncertainty DEFAULT = new WindUncertainty(WindInput.DEFAULT_SHAPE,
      WindTurbineCurve.DEFAULT_CUT_IN, WindTurbineCurve.DEFAULT_RATED, WindTurbineCurve.DEFAULT_CUT_OUT,
      OptionalDouble.empty(), DEFAULT_RATED_FACTOR);

  public WindUncertainty {
    BatterySpec.positive("shape", shape);
    BatterySpec.positive("cut_in_ms", cutInMs);
    if (!(cutInMs < ratedMs && ratedMs < cutOutMs) || Double.isInfinite(cutOutMs)) {
      throw new ValidationException("the speeds must satisfy 0 < cut_in_ms < rated_ms < cut_out_ms, got "
          + cutInMs + ", " + ratedMs + ", " + cutOutMs);
    }
    ratedKw.ifPresent(r -> BatterySpec.positive("rated_kw", r));
    if (!(ratedFactor > 1) || Double.isInfinite(ratedFactor)) {
      throw new ValidationException("rated_factor must be a number > 1 (rated power / forecast peak), got "
          + ratedFactor);
    }
  }

  /** P_r for a building whose wind forecast is {@code forecast}. */
  public double ratedKw(TimeSeries forecast) {
    return ratedKw.orElse(ratedFactor * forecast.max());
  }

  /** The turbine curve for a building whose wind forecast is {@code forecast}. */
  public WindTurbineCurve curve(TimeSeries forecast) {
    return new WindTurbineCurve(cutInMs, ratedMs, cutOutMs, ratedKw(forecast));
  }

  /**
   * The input of interval t of a building whose wind forecast is {@code forecast}.
   *
   * @throws IllegalArgumentException when no Weibull scale gives the forecast as mean power
   */
  public RandomInput input(TimeSeries forecast, int t) {
    if (forecast.get(t) == 0) {
      return new FixedInput(0); // calm, or no turbine: nothing to fit, and P_r may be 0
    }
    return WindInput.fitted(forecast.get(t), curve(forecast), shape);
  }
}
