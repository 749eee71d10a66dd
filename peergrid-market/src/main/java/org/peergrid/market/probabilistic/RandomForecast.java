package org.peergrid.market.probabilistic;

import org.peergrid.market.scenario.RandomQuantity;
import org.peergrid.market.uncertainty.RandomInput;

/**
 * One random input of a scenario: a building's forecast of one quantity in one interval.
 *
 * @param participant the building id
 * @param quantity which of its forecasts
 * @param interval the interval, from 0
 * @param input its distribution (mean = the forecast)
 */
public record RandomForecast(String participant, RandomQuantity quantity, int interval, RandomInput input) {}
