package org.peergrid.market.scenario;

import org.peergrid.grid.ValidationException;

/**
 * A battery's technical data (a building's own or a community battery's).
 *
 * @param capacityKwh E^max [kWh]
 * @param chargeKw P^ch, the largest charging power [kW]
 * @param dischargeKw P^dis [kW]
 * @param efficiencyCharge η^ch in (0, 1]
 * @param efficiencyDischarge η^dis in (0, 1]
 * @param socMin SOC^min as a fraction of capacity
 * @param socMax SOC^max as a fraction of capacity
 * @param socInitial SOC_0; the day ends with at least this much
 * @param degradationCostPerKwh c^deg [money/kWh] charged or discharged (default 0)
 */
public record BatterySpec(
    double capacityKwh,
    double chargeKw,
    double dischargeKw,
    double efficiencyCharge,
    double efficiencyDischarge,
    double socMin,
    double socMax,
    double socInitial,
    double degradationCostPerKwh) {

  public BatterySpec {
    positive("capacity_kwh", capacityKwh);
    nonNegative("charge_kw", chargeKw);
    nonNegative("discharge_kw", dischargeKw);
    fraction("efficiency_charge", efficiencyCharge, false);
    fraction("efficiency_discharge", efficiencyDischarge, false);
    fraction("soc_min", socMin, true);
    fraction("soc_max", socMax, true);
    fraction("soc_initial", socInitial, true);
    nonNegative("degradation_cost_per_kwh", degradationCostPerKwh);
    if (!(socMin <= socInitial && socInitial <= socMax)) {
      throw new ValidationException("soc_initial " + socInitial + " must lie within [soc_min, soc_max] = [" + socMin
          + ", " + socMax + "]");
    }
  }

  /** SOC_0·E^max [kWh]. */
  public double initialKwh() {
    return socInitial * capacityKwh;
  }

  static void positive(String key, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new ValidationException(key + " must be a positive number, got " + v);
    }
  }

  static void nonNegative(String key, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ValidationException(key + " must be a number ≥ 0, got " + v);
    }
  }

  private static void fraction(String key, double v, boolean zeroAllowed) {
    boolean ok = zeroAllowed ? v >= 0 && v <= 1 : v > 0 && v <= 1;
    if (!ok) {
      throw new ValidationException(key + " must be a fraction in " + (zeroAllowed ? "[0, 1]" : "(0, 1]") + ", got " + v);
    }
  }
}
