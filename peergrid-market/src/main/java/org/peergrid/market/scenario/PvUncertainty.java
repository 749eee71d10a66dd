package org.peergrid.market.scenario;

import java.util.OptionalDouble;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.uncertainty.FixedInput;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.uncertainty.SolarPvInput;

/**
 * How a building's PV forecast is random: a Beta irradiance through a PV curve rated P_r, fitted so
 * that the forecast is the mean and cv·forecast the standard deviation ({@link SolarPvInput#fitted}).
 *
 * @param cv σ/μ of the PV power (default {@value SolarPvInput#DEFAULT_CV})
 * @param ratedKw P_r; when empty, ratedFactor × the largest value of the building's pv_kw
 * @param ratedFactor P_r / max(pv_kw) when ratedKw is not given (default {@value #DEFAULT_RATED_FACTOR})
 */
public record PvUncertainty(double cv, OptionalDouble ratedKw, double ratedFactor) {
  /**
   * A clear-sky day-ahead peak is about 80 % of the STC rating (temperature and inverter losses), so
   * the default rating is 1.25 × the forecast's peak. The factor must exceed 1: at P_r = forecast the
   * Beta fit has no room and the peak hours would not be random at all.
   */
  public static final double DEFAULT_RATED_FACTOR = 1.25;

  public static final PvUncertainty DEFAULT =
      new PvUncertainty(SolarPvInput.DEFAULT_CV, OptionalDouble.empty(), DEFAULT_RATED_FACTOR);

  public PvUncertainty {
    BatterySpec.nonNegative("cv", cv);
    ratedKw.ifPresent(r -> BatterySpec.positive("rated_kw", r));
    if (!(ratedFactor >= 1) || Double.isInfinite(ratedFactor)) {
      throw new ValidationException("rated_factor must be a number >= 1 (rated power / forecast peak), got "
          + ratedFactor);
    }
  }

  /** P_r for a building whose PV forecast is {@code forecast}. */
  public double ratedKw(TimeSeries forecast) {
    return ratedKw.orElse(ratedFactor * forecast.max());
  }

  /**
   * The input of interval t of a building whose PV forecast is {@code forecast}.
   *
   * @throws IllegalArgumentException when no Beta distribution fits (forecast above P_r, or cv too
   *     large for a forecast this close to P_r); the message gives the largest cv allowed
   */
  public RandomInput input(TimeSeries forecast, int t) {
    if (forecast.get(t) == 0) {
      return new FixedInput(0); // night: nothing to fit, and P_r may be 0 for a building without PV
    }
    return SolarPvInput.fitted(forecast.get(t), ratedKw(forecast), cv);
  }
}
