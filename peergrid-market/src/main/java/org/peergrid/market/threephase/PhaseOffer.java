package org.peergrid.market.threephase;

import java.util.List;
import org.peergrid.grid.threephase.LinDist3Flow;

/**
 * A participant's dispatchable injection on a three-phase feeder: one decision {@code x} (kW, generation
 * positive, a flexible load negative) between {@code minKw} and {@code maxKw} at a linear cost, spread
 * equally over its ports: one port for a single-phase device ({@code phases: [a]}), three for a
 * balanced three-phase one. Its reactive power follows at {@code reactivePerActive} kvar per kW (0:
 * unity power factor).
 *
 * @param costPerKwh what producing one more kWh costs it (or what a flexible load gives up by not
 *     consuming it), money/kWh
 */
public record PhaseOffer(String name, List<LinDist3Flow.Port> ports, double minKw, double maxKw, double costPerKwh,
    double reactivePerActive) {
  public PhaseOffer {
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("offer " + name + " has no port");
    }
    if (!(minKw <= maxKw)) {
      throw new IllegalArgumentException("offer " + name + ": minKw " + minKw + " above maxKw " + maxKw);
    }
    ports = List.copyOf(ports);
  }

  /** A unity power factor offer. */
  public PhaseOffer(String name, List<LinDist3Flow.Port> ports, double minKw, double maxKw, double costPerKwh) {
    this(name, ports, minKw, maxKw, costPerKwh, 0);
  }
}
