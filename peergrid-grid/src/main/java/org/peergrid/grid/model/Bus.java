package org.peergrid.grid.model;

import org.peergrid.grid.ValidationException;

/**
 * A feeder bus in engineering units.
 *
 * @param number the bus number as in the source case (MATPOWER BUS_I), unique in a feeder
 * @param type the bus type
 * @param loadKw background active load [kW] (MATPOWER Pd)
 * @param loadKvar background reactive load [kvar] (MATPOWER Qd)
 * @param shuntConductanceKw shunt conductance as active power drawn at 1 p.u. voltage [kW] (Gs)
 * @param shuntSusceptanceKvar shunt susceptance as reactive power injected at 1 p.u. [kvar] (Bs)
 * @param voltagePu initial voltage magnitude [p.u.] (Vm)
 * @param angleDeg initial voltage angle [degrees] (Va); at the reference bus, the angle reference
 * @param baseKv base voltage [kV]
 * @param vmaxPu upper voltage limit [p.u.]
 * @param vminPu lower voltage limit [p.u.]
 */
public record Bus(
    int number,
    BusType type,
    double loadKw,
    double loadKvar,
    double shuntConductanceKw,
    double shuntSusceptanceKvar,
    double voltagePu,
    double angleDeg,
    double baseKv,
    double vmaxPu,
    double vminPu) {

  public Bus {
    if (type == null) {
      throw new ValidationException("bus " + number + ": type is missing");
    }
    requireFinite(number, "Pd", loadKw);
    requireFinite(number, "Qd", loadKvar);
    requireFinite(number, "Gs", shuntConductanceKw);
    requireFinite(number, "Bs", shuntSusceptanceKvar);
    requireFinite(number, "Vm", voltagePu);
    requireFinite(number, "Va", angleDeg);
    requireFinite(number, "Vmax", vmaxPu);
    requireFinite(number, "Vmin", vminPu);
    if (!(baseKv > 0) || Double.isInfinite(baseKv)) {
      throw new ValidationException(
          "bus " + number + ": base voltage must be a positive number of kV, got " + baseKv);
    }
  }

  /** A PQ bus with a background load and no shunt, at 1 p.u., for tests and builders. */
  public static Bus load(int number, double loadKw, double loadKvar, double baseKv) {
    return new Bus(number, BusType.PQ, loadKw, loadKvar, 0, 0, 1, 0, baseKv, 1.1, 0.9);
  }

  private static void requireFinite(int bus, String field, double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException("bus " + bus + ": " + field + " must be a finite number, got " + value);
    }
  }
}
