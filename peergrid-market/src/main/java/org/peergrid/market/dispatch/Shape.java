package org.peergrid.market.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.ElectricVehicle;
import org.peergrid.market.scenario.Participant;

/**
 * What fixes the rows, columns and matrix coefficients of a {@link LinDistFlowLp}: the feeder's tree
 * and resistances, the intervals and their length, and each participant's kind, bus, storage
 * efficiencies, shiftable load and EV session. Two models of equal shape differ only in bounds,
 * right-hand sides and objective coefficients, so one LP serves both ({@link LinDistFlowLp#setNumbers}).
 *
 * @param parts a list of values compared by {@link Object#equals}
 */
record Shape(List<Object> parts) {

  static Shape of(DispatchModel m) {
    List<Object> parts = new ArrayList<>();
    parts.add(m.buses);
    parts.add(m.intervals);
    parts.add(m.hours);
    parts.add(Arrays.toString(m.parent));
    parts.add(Arrays.toString(m.r));
    parts.add(Arrays.toString(m.participantBus));
    for (Participant p : m.participants) {
      if (p instanceof Building b) {
        parts.add("building");
        parts.add(b.battery().map(Shape::efficiencies).orElse("no battery"));
        parts.add(b.shiftable().isPresent());
      } else if (p instanceof DistributedGenerator) {
        parts.add("generator");
      } else if (p instanceof CommunityBattery c) {
        parts.add("community battery " + efficiencies(c.battery()));
      } else if (p instanceof ElectricVehicle ev) {
        int[] session = new int[ev.sessionLength(m.intervals)];
        for (int k = 0; k < session.length; k++) {
          session[k] = ev.sessionInterval(k, m.intervals);
        }
        parts.add("ev " + ev.efficiency() + " " + Arrays.toString(session));
      } else {
        parts.add(p.getClass().getName());
      }
    }
    return new Shape(List.copyOf(parts));
  }

  private static String efficiencies(BatterySpec b) {
    return b.efficiencyCharge() + "/" + b.efficiencyDischarge();
  }
}
