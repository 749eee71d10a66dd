package org.peergrid.grid.model;

import org.peergrid.grid.ValidationException;

/**
 * A generator of the source case (MATPOWER gen row). On a radial feeder the one at the reference
 * bus is the substation, whose voltage setpoint fixes the root voltage; an in-service generator at
 * a PQ bus injects its fixed output.
 *
 * @param index 1-based row of the generator in its source
 * @param bus the bus number
 * @param activeKw active output [kW] (Pg)
 * @param reactiveKvar reactive output [kvar] (Qg)
 * @param voltageSetpointPu voltage magnitude setpoint [p.u.] (Vg)
 * @param inService whether the generator is on (GEN_STATUS &gt; 0)
 */
public record Generator(
    int index, int bus, double activeKw, double reactiveKvar, double voltageSetpointPu, boolean inService) {

  public Generator {
    String id = "generator " + index + " (bus " + bus + ")";
    if (!Double.isFinite(activeKw) || !Double.isFinite(reactiveKvar)) {
      throw new ValidationException(id + ": Pg and Qg must be finite numbers");
    }
    if (!(voltageSetpointPu > 0) || Double.isInfinite(voltageSetpointPu)) {
      throw new ValidationException(id + ": voltage setpoint Vg must be positive, got " + voltageSetpointPu);
    }
  }
}
