package org.peergrid.market.accheck;

/**
 * A limit that the AC power flow of a schedule breaks.
 *
 * @param interval the interval, from 0
 * @param kind which limit
 * @param element "bus N" for a voltage, "from-to" (MATPOWER bus numbers) for a branch
 * @param value the AC value [p.u. for voltages, kVA for branches]
 * @param limit the limit it breaks, in the same unit
 */
public record AcViolation(int interval, Kind kind, String element, double value, double limit) {

  /** The kinds of limit, with the unit of their values. */
  public enum Kind {
    /** |V| below V^min [p.u.]. */
    UNDER_VOLTAGE("pu"),
    /** |V| above V^max [p.u.]. */
    OVER_VOLTAGE("pu"),
    /** Sending-end apparent power above S^max [kVA]. */
    BRANCH_OVERLOAD("kVA");

    private final String unit;

    Kind(String unit) {
      this.unit = unit;
    }

    public String unit() {
      return unit;
    }

    public boolean isVoltage() {
      return this != BRANCH_OVERLOAD;
    }
  }

  /** The size of the violation: how far the value lies beyond the limit, always positive. */
  public double excess() {
    return Math.abs(value - limit);
  }
}
