package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * A dispatchable distributed generator.
 *
 * @param id unique participant id
 * @param bus MATPOWER bus number
 * @param minKw P^min [kW] (default 0)
 * @param maxKw P^max [kW]
 * @param costPerKwh marginal cost c_g [money/kWh]
 */
public record DistributedGenerator(String id, int bus, double minKw, double maxKw, double costPerKwh)
    implements Participant {

  public DistributedGenerator {
    Participants.requireId(id);
    if (!(minKw >= 0 && maxKw >= minKw) || Double.isInfinite(maxKw)) {
      throw new ValidationException("need 0 ≤ min_kw ≤ max_kw, got min_kw " + minKw + " and max_kw " + maxKw);
    }
    if (!Double.isFinite(costPerKwh)) {
      throw new ValidationException("cost_per_kwh must be a finite number, got " + costPerKwh);
    }
  }

  @Override
  public String typeName() {
    return "generator";
  }
}
