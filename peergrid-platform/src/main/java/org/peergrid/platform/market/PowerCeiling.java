package org.peergrid.platform.market;

/**
 * The most one participant may offer: {@code kw} in any power, {@code kw} times the day's
 * {@code hours} in any energy; {@code source} says where the limit comes from, for the refusal.
 */
record PowerCeiling(double kw, double hours, String source) {
  /** No limit: offers read back at clearing were checked when they were accepted. */
  static final PowerCeiling NONE = new PowerCeiling(Double.POSITIVE_INFINITY, 1, "");

  double kwh() {
    return kw * hours;
  }
}
