package org.peergrid.market.mechanism;

import java.util.OptionalDouble;

/**
 * One participant of the cooperative schedule, reduced to what a settlement needs: its net energy
 * per interval, the DLMP at its bus, the costs that move no money between participants, and its
 * stand-alone reference (a building's base cost, a generator's profit from the utility alone).
 * Immutable: the arrays are copied in and read one interval at a time.
 */
public final class CommunityMember {
  private final String id;
  private final Role role;
  private final double[] boughtKwh;
  private final double[] soldKwh;
  private final double[] dlmp;
  private final double[] degradationCost;
  private final double[] fuelCost;
  private final OptionalDouble baseCost;
  private final OptionalDouble aloneProfit;

  /**
   * @param boughtKwh net withdrawal per interval [kWh]
   * @param soldKwh net injection per interval [kWh]
   * @param dlmp price at its bus per interval [money/kWh]
   * @param degradationCost its own battery's wear per interval [money]
   * @param fuelCost a generator's c_g·P_g,t·Δt per interval [money]; zeros for others
   * @param baseCost C⁰_b, present exactly for buildings [money]
   * @param aloneProfit a generator's best profit selling only to the utility at the export tariff,
   *     present exactly for generators [money]
   */
  public CommunityMember(String id, Role role, double[] boughtKwh, double[] soldKwh, double[] dlmp,
      double[] degradationCost, double[] fuelCost, OptionalDouble baseCost, OptionalDouble aloneProfit) {
    int n = boughtKwh.length;
    if (soldKwh.length != n || dlmp.length != n || degradationCost.length != n || fuelCost.length != n) {
      throw new IllegalArgumentException(id + ": every series needs " + n + " intervals");
    }
    if (baseCost.isPresent() != role.hasBaseCase() || aloneProfit.isPresent() != (role == Role.GENERATOR)) {
      throw new IllegalArgumentException(id + ": base cost for buildings and EVs and alone profit for generators only");
    }
    for (int t = 0; t < n; t++) {
      if (boughtKwh[t] < 0 || soldKwh[t] < 0) {
        throw new IllegalArgumentException(id + ": energy bought and sold must not be negative (interval " + t + ")");
      }
    }
    this.id = id;
    this.role = role;
    this.boughtKwh = boughtKwh.clone();
    this.soldKwh = soldKwh.clone();
    this.dlmp = dlmp.clone();
    this.degradationCost = degradationCost.clone();
    this.fuelCost = fuelCost.clone();
    this.baseCost = baseCost;
    this.aloneProfit = aloneProfit;
  }

  public String id() {
    return id;
  }

  public Role role() {
    return role;
  }

  public int intervals() {
    return boughtKwh.length;
  }

  /** Net withdrawal in interval t [kWh]. */
  public double bought(int t) {
    return boughtKwh[t];
  }

  /** Net injection in interval t [kWh]. */
  public double sold(int t) {
    return soldKwh[t];
  }

  /** DLMP at its bus in interval t [money/kWh]. */
  public double dlmp(int t) {
    return dlmp[t];
  }

  /** Own battery wear in interval t [money]. */
  public double degradation(int t) {
    return degradationCost[t];
  }

  /** Own battery wear over the day [money]. */
  public double degradation() {
    double sum = 0;
    for (double d : degradationCost) {
      sum += d;
    }
    return sum;
  }

  /** Generator fuel over the day [money]. */
  public double fuel() {
    double sum = 0;
    for (double f : fuelCost) {
      sum += f;
    }
    return sum;
  }

  /**
   * Fuel per kWh injected in interval t [money/kWh]: c_g for a generator, whose injection is its
   * output; 0 when it injects nothing.
   */
  public double fuelPerKwh(int t) {
    return soldKwh[t] > 0 ? fuelCost[t] / soldKwh[t] : 0;
  }

  /** Σ_t (bought + sold) [kWh]: how much energy it moves. */
  public double throughputKwh() {
    double sum = 0;
    for (int t = 0; t < boughtKwh.length; t++) {
      sum += boughtKwh[t] + soldKwh[t];
    }
    return sum;
  }

  /** C⁰_b [money]; empty for generators and community batteries. */
  public OptionalDouble baseCost() {
    return baseCost;
  }

  /** A generator's profit selling only to the utility [money]; empty for others. */
  public OptionalDouble aloneProfit() {
    return aloneProfit;
  }
}
