package org.peergrid.grid.model;

/** MATPOWER bus types (column BUS_TYPE). */
public enum BusType {
  /** A load bus: fixed active and reactive injection. */
  PQ(1),
  /** A voltage-controlled bus; only meaningful with an in-service generator. */
  PV(2),
  /** The reference (slack) bus: the substation of a radial feeder. */
  REFERENCE(3),
  /** An isolated bus, out of service. */
  ISOLATED(4);

  private final int code;

  BusType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type for a MATPOWER code, or empty for an unknown code. */
  public static java.util.Optional<BusType> ofCode(int code) {
    for (BusType t : values()) {
      if (t.code == code) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
