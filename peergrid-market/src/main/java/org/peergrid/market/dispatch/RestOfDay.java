package org.peergrid.market.dispatch;

import java.util.Map;
import org.peergrid.market.scenario.TimeSeries;

/**
 * What re-dispatching the rest of a day in real time adds to a scenario of those intervals
 * (docs/realtime.md, rolling horizon).
 *
 * @param rootPositionKw the day-ahead schedule's net import at the root in each interval of the rest
 *     [kW]: that energy is already bought, so the LP's grid import and export become the deviation
 *     from it, priced at the rest's (real-time) tariff
 * @param endEnergyKwh least energy at the end of the rest by participant id: the whole day's
 *     SOC_0·E^max, while the rest starts from the battery's actual energy (its soc_initial there)
 * @param networkLimits false to drop the voltage and thermal limits: actual loads may leave no
 *     schedule within them, and the day goes on anyway (the AC check then reports the violation)
 */
public record RestOfDay(TimeSeries rootPositionKw, Map<String, Double> endEnergyKwh, boolean networkLimits) {

  public RestOfDay {
    endEnergyKwh = Map.copyOf(endEnergyKwh);
  }

  /** The same terms without network limits. */
  public RestOfDay withoutNetworkLimits() {
    return new RestOfDay(rootPositionKw, endEnergyKwh, false);
  }
}
