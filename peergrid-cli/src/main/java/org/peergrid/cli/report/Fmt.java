package org.peergrid.cli.report;

import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers as the page shows them (files keep full precision; see Numbers). */
final class Fmt {
  private Fmt() {}

  /** Money with thousands separators and 2 decimals. */
  static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String money(OptionalDouble v) {
    return v.isPresent() ? money(v.getAsDouble()) : "–";
  }

  static String pct(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.2f %%", v.getAsDouble()) : "–";
  }

  static String fixed(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }
}
