package org.peergrid.cli;

import java.math.BigDecimal;

/** Numbers as the report files write them. */
public final class Numbers {
  /**
   * Decimal places kept: enough for every unit in the files (1e-9 kW, p.u. or money), few enough
   * to drop the LP's round-off (a schedule of 1e-13 kW is zero).
   */
  static final int DECIMALS = 9;

  private Numbers() {}

  /** Rounded to {@link #DECIMALS} places, with −0 as 0. */
  public static double clean(double value) {
    double rounded = BigDecimal.valueOf(value).setScale(DECIMALS, java.math.RoundingMode.HALF_EVEN).doubleValue();
    return rounded == 0 ? 0.0 : rounded;
  }

  /** The cleaned value in plain notation without trailing zeros ("908.333333333", "5", "0"). */
  public static String plain(double value) {
    return BigDecimal.valueOf(clean(value)).stripTrailingZeros().toPlainString();
  }
}
