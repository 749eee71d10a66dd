package org.peergrid.market.scenario;

import java.util.ArrayList;
import java.util.List;
import org.peergrid.market.uncertainty.RandomInput;
import org.peergrid.market.uncertainty.SolarPvInput;

/**
 * The feeder's irradiance in one interval when the weather is common (docs/uncertainty.md): a
 * fraction s ∈ [0, 1] of the rated irradiance, Beta-distributed with the feeder's mean
 * μ = Σ forecast / Σ P_r over the buildings whose PV is random then and the largest cv among them.
 * Building b's PV is f_b·(1 + (cv_b/cv_max)·(s/μ − 1)): its forecast at the mean irradiance, with
 * standard deviation cv_b·f_b, and every PV moving with the one s.
 *
 * @param interval the interval, from 0
 * @param buildings the buildings whose PV is random in the interval, scenario order
 * @param meanFraction μ
 * @param cvMax the largest cv of those buildings
 */
public record CommonIrradiance(int interval, List<Building> buildings, double meanFraction, double cvMax) {

  public CommonIrradiance {
    buildings = List.copyOf(buildings);
  }

  /** The irradiance of interval t; its buildings are empty when no PV is random then. */
  public static CommonIrradiance of(List<Building> all, UncertaintySpec spec, int t) {
    double forecastSum = 0;
    double ratedSum = 0;
    double cvMax = 0;
    List<Building> lit = new ArrayList<>();
    for (Building b : all) {
      PvUncertainty pv = spec.of(b.id()).pv();
      if (spec.of(b.id()).isRandom(RandomQuantity.PV) && b.pvKw().get(t) > 0 && pv.cv() > 0
          && b.pvKw().get(t) < pv.ratedKw(b.pvKw())) {
        lit.add(b);
        forecastSum += b.pvKw().get(t);
        ratedSum += pv.ratedKw(b.pvKw());
        cvMax = Math.max(cvMax, pv.cv());
      }
    }
    return new CommonIrradiance(t, lit, lit.isEmpty() ? 0 : forecastSum / ratedSum, cvMax);
  }

  /**
   * The distribution of s.
   *
   * @throws IllegalArgumentException when no Beta distribution has mean μ and cv cv_max
   */
  public RandomInput irradiance() {
    return SolarPvInput.fitted(meanFraction, 1, cvMax);
  }

  /** Building b's PV forecast [kW] at irradiance fraction s (below 0 for a far 2m point; the scenario gets 0). */
  public double pvKw(Building b, UncertaintySpec spec, double s) {
    double weight = spec.of(b.id()).pv().cv() / cvMax;
    return b.pvKw().get(interval) * (1 + weight * (s / meanFraction - 1));
  }
}
