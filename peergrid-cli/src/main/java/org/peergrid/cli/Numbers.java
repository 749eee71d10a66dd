package org.peergrid.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the report files write them. */
public final class Numbers {
  /**
   * Decimal places kept: enough for every unit in the files (1e-9 kW, p.u. or money), few enough
   * to drop the LP's round-off (a schedule of 1e-13 kW is zero).
   */
  static final int DECIMALS = 9;
  private static final double SCALE = 1e9;
  private static final long SCALE_LONG = 1_000_000_000L;
  /** Below this magnitude a value times 1e9 stays under 2^53, so the fast path's arithmetic is exact. */
  private static final double FAST_LIMIT = 1 << 20;
  /** Below this magnitude a value rounds to 0 at nine decimals with no half-way case near. */
  private static final double ROUNDS_TO_ZERO = 4e-10;

  private Numbers() {}

  /** Rounded to {@link #DECIMALS} places, with −0 as 0. */
  public static double clean(double value) {
    double rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
    return rounded == 0 ? 0.0 : rounded;
  }

  /**
   * The cleaned value in plain notation without trailing zeros ("908.333333333", "5", "0"): the
   * decimal of {@link Double#toString} rounded half-even to nine places, as {@link #slowPlain}
   * writes it. A report writes hundreds of thousands of numbers, and BigDecimal's way costs two
   * decimal conversions and three big-number operations each; this computes the rounded value as
   * a long number of 1e-9 units instead, exactly, and falls back to BigDecimal where that cannot
   * be decided exactly (large values, and values whose shortest decimal could lie on the other
   * side of a half-way point than the double itself). NumbersTest compares the two on seeded
   * random values of every magnitude the reports have.
   */
  public static String plain(double value) {
    double a = Math.abs(value);
    if (a < ROUNDS_TO_ZERO) {
      return "0";
    }
    if (!(a < FAST_LIMIT)) {
      return slowPlain(value); // also NaN and infinities, which BigDecimal rejects as before
    }
    // a·1e9 = x + err exactly (the product's rounding error is a double); x < 2^50 is exact in a long.
    double x = a * SCALE;
    double err = Math.fma(a, SCALE, -x);
    double whole = Math.floor(x);
    double fraction = (x - whole) + err;
    // Double.toString(a) is a decimal within half an ulp of a; where a half-way point of the 1e-9
    // grid lies closer than that (plus a margin for the fraction's own rounding), it could round
    // the other way: leave those to BigDecimal.
    double doubt = Math.ulp(a) * SCALE / 2 + 1e-6;
    if (Math.abs(fraction - 0.5) <= doubt) {
      return slowPlain(value);
    }
    long units = (long) whole + (fraction > 0.5 ? 1 : 0);
    if (units == 0) {
      return "0";
    }
    StringBuilder s = new StringBuilder(24);
    if (value < 0) {
      s.append('-');
    }
    s.append(units / SCALE_LONG);
    long decimals = units % SCALE_LONG;
    if (decimals != 0) {
      int digits = DECIMALS;
      while (decimals % 10 == 0) {
        decimals /= 10;
        digits--;
      }
      s.append('.');
      String d = Long.toString(decimals);
      for (int i = d.length(); i < digits; i++) {
        s.append('0');
      }
      s.append(d);
    }
    return s.toString();
  }

  /** {@link #plain} through BigDecimal: the definition, and the path for the cases the fast one leaves. */
  static String slowPlain(double value) {
    return BigDecimal.valueOf(clean(value)).stripTrailingZeros().toPlainString();
  }
}
