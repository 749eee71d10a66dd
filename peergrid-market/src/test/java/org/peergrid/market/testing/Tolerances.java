package org.peergrid.market.testing;

/** Named tolerances for market tests. */
public final class Tolerances {
  /** Prices [money/kWh]. */
  public static final double DELTA_PRICE = 1e-6;
  /** Money totals [money]. */
  public static final double DELTA_MONEY = 1e-4;
  /** Powers and energies [kW, kWh]. */
  public static final double DELTA_KW = 1e-4;

  private Tolerances() {}
}
