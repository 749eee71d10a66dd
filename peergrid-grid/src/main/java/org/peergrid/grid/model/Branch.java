package org.peergrid.grid.model;

import java.util.OptionalDouble;
import org.peergrid.grid.ValidationException;

/**
 * A line or transformer between two buses, MATPOWER's pi model: series impedance r + jx, total
 * line charging b split half to each end, and an ideal transformer of complex ratio
 * tap·e^(j·shift) at the from end. Impedances are in per unit on the feeder's base MVA and the
 * from bus's base kV, as MATPOWER stores them.
 *
 * @param index 1-based position of the branch in its source (MATPOWER branch row), used in messages
 * @param fromBus the from bus number
 * @param toBus the to bus number
 * @param resistancePu series resistance [p.u.]
 * @param reactancePu series reactance [p.u.]
 * @param chargingPu total line charging susceptance [p.u.]
 * @param ratingKva thermal rating (MATPOWER RATE_A) [kVA]; empty where unlimited (RATE_A = 0)
 * @param tapRatio off-nominal turns ratio at the from end (1 for a line; MATPOWER's 0 means 1)
 * @param phaseShiftDeg phase shift of the transformer [degrees]
 * @param inService whether the branch is closed (MATPOWER BR_STATUS = 1)
 */
public record Branch(
    int index,
    int fromBus,
    int toBus,
    double resistancePu,
    double reactancePu,
    double chargingPu,
    OptionalDouble ratingKva,
    double tapRatio,
    double phaseShiftDeg,
    boolean inService) {

  public Branch {
    String id = label(index, fromBus, toBus);
    if (ratingKva == null) {
      ratingKva = OptionalDouble.empty();
    }
    requireFinite(id, "r", resistancePu);
    requireFinite(id, "x", reactancePu);
    requireFinite(id, "b", chargingPu);
    requireFinite(id, "shift", phaseShiftDeg);
    if (!(tapRatio > 0) || Double.isInfinite(tapRatio)) {
      throw new ValidationException(id + ": tap ratio must be positive, got " + tapRatio);
    }
    if (ratingKva.isPresent() && !(ratingKva.getAsDouble() > 0)) {
      throw new ValidationException(id + ": rating must be positive, got " + ratingKva.getAsDouble());
    }
    if (fromBus == toBus) {
      throw new ValidationException(id + ": a branch must join two different buses");
    }
  }

  /** A plain in-service line without charging, rating or transformer. */
  public static Branch line(int index, int fromBus, int toBus, double resistancePu, double reactancePu) {
    return new Branch(index, fromBus, toBus, resistancePu, reactancePu, 0, OptionalDouble.empty(), 1, 0, true);
  }

  /** How messages name this branch: {@code branch 7 (6-7)}. */
  public String label() {
    return label(index, fromBus, toBus);
  }

  static String label(int index, int fromBus, int toBus) {
    return "branch " + index + " (" + fromBus + "-" + toBus + ")";
  }

  private static void requireFinite(String id, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(id + ": " + field + " must be a finite number, got " + value);
    }
  }
}
