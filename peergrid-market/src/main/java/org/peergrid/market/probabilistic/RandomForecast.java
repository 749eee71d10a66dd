package org.peergrid.market.probabilistic;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.uncertainty.RandomInput;

/**
 * One random input of a scenario and the forecasts its value sets. With independent weather (and
 * for every load) it is one building's forecast of one quantity in one interval, and the value is
 * that forecast. With common weather it is the interval's irradiance, which sets every PV forecast
 * of the interval, or the interval's wind speed, which sets every turbine's (docs/uncertainty.md).
 *
 * @param quantity which forecasts it sets
 * @param interval the interval, from 0
 * @param input its distribution
 * @param targets the buildings whose forecast it sets, scenario order, and how
 */
public record RandomForecast(RandomQuantity quantity, int interval, RandomInput input, List<Target> targets) {

  public RandomForecast {
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a random input must set at least one forecast");
    }
  }

  /** A building's own forecast: the input's value is the forecast [kW]. */
  static RandomForecast own(String participant, RandomQuantity quantity, int interval, RandomInput input) {
    return new RandomForecast(quantity, interval, input, List.of(new Target(participant, x -> x)));
  }

  /** The buildings whose forecast this input sets. */
  public List<String> participants() {
    return targets.stream().map(Target::participant).toList();
  }

  /**
   * One forecast that an input sets.
   *
   * @param participant the building id
   * @param forecastKw the building's forecast [kW] when the input has value x (may be below 0; the
   *     scenario gets 0 then)
   */
  public record Target(String participant, DoubleUnaryOperator forecastKw) {}
}
