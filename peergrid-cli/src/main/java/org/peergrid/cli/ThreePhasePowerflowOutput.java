package org.peergrid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;

/** {@code peergrid powerflow} output for an OpenDSS feeder: per-node voltages, losses, unbalance and taps. */
final class ThreePhasePowerflowOutput {
  private ThreePhasePowerflowOutput() {}

  /** Node with the lowest (or highest) per-unit voltage. */
  private static int extreme(ThreePhaseResult r, boolean lowest) {
    int best = 0;
    for (int k = 1; k < r.network().nodeCount(); k++) {
      if (lowest ? r.vmPu(k) < r.vmPu(best) : r.vmPu(k) > r.vmPu(best)) {
        best = k;
      }
    }
    return best;
  }

  private static ObjectNode nodeValue(ObjectNode parent, String key, ThreePhaseResult r, int node) {
    PhaseNetwork net = r.network();
    ObjectNode o = parent.putObject(key);
    o.put("value", r.vmPu(node));
    o.put("bus", net.busNames()[net.busOf(node)]);
    o.put("node", net.nodeNumbers()[node]);
    return o;
  }

  static String toJson(String file, ThreePhaseResult r) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    PhaseNetwork net = r.network();
    root.put("case", net.name());
    root.put("file", file);
    root.put("model", "three-phase");
    root.put("buses", net.busCount());
    root.put("nodes", net.nodeCount());
    root.put("converged", r.converged());
    root.put("status", r.status().name());
    root.put("iterations", r.iterations());
    root.put("control_iterations", r.controlIterations());
    root.put("losses_kw", r.lossesKw());
    root.put("losses_kvar", r.lossesKvar());
    root.put("source_kw", r.sourceKw());
    root.put("source_kvar", r.sourceKvar());
    nodeValue(root, "vmin_pu", r, extreme(r, true));
    nodeValue(root, "vmax_pu", r, extreme(r, false));
    root.put("solve_ms", r.solveNanos() / 1e6);
    ArrayNode voltages = root.putArray("voltages");
    for (int b = 0; b < net.busCount(); b++) {
      for (int k = net.firstNode()[b]; k < net.firstNode()[b + 1]; k++) {
        ObjectNode v = voltages.addObject();
        v.put("bus", net.busNames()[b]);
        v.put("node", net.nodeNumbers()[k]);
        v.put("vm_pu", r.vmPu(k));
        v.put("va_deg", r.vaDeg(k));
      }
    }
    ArrayNode unbalance = root.putArray("unbalance");
    for (int b = 0; b < net.busCount(); b++) {
      double vuf = r.unbalancePercent(b);
      if (!Double.isNaN(vuf)) {
        ObjectNode u = unbalance.addObject();
        u.put("bus", net.busNames()[b]);
        u.put("vuf_pct", vuf);
      }
    }
    ObjectNode taps = root.putObject("taps");
    for (Map.Entry<String, Double> t : r.taps().entrySet()) {
      taps.put(t.getKey(), t.getValue());
    }
    return mapper.writeValueAsString(root);
  }

  static void printTables(PrintWriter out, ThreePhaseResult r) {
    PhaseNetwork net = r.network();
    int min = extreme(r, true);
    int max = extreme(r, false);
    out.printf(Locale.ROOT, "Three-phase power flow of %s: %d buses, %d nodes, %d lines/transformers/capacitors,"
        + " %d loads%n", net.name(), net.busCount(), net.nodeCount(), net.elements().size(), net.loads().size());
    out.printf(Locale.ROOT, "Status          %s after %d iterations, %d control iterations (%.3f ms)%n", r.status(),
        r.iterations(), r.controlIterations(), r.solveNanos() / 1e6);
    out.printf(Locale.ROOT, "Source          %.3f kW, %.3f kvar%n", r.sourceKw(), r.sourceKvar());
    out.printf(Locale.ROOT, "Losses          %.4f kW, %.4f kvar%n", r.lossesKw(), r.lossesKvar());
    out.printf(Locale.ROOT, "Voltage         min %.6f p.u. at %s.%d, max %.6f p.u. at %s.%d%n", r.vmPu(min),
        net.busNames()[net.busOf(min)], net.nodeNumbers()[min], r.vmPu(max), net.busNames()[net.busOf(max)],
        net.nodeNumbers()[max]);
    if (!r.taps().isEmpty()) {
      StringBuilder taps = new StringBuilder();
      r.taps().forEach((name, tap) -> taps.append(String.format(Locale.ROOT, " %s %.5f", name, tap)));
      out.println("Taps           " + taps);
    }
    out.println();
    out.println("bus              node   Vm [p.u.]    Va [deg]   base [kV LL]   VUF [%]");
    for (int b = 0; b < net.busCount(); b++) {
      double vuf = r.unbalancePercent(b);
      for (int k = net.firstNode()[b]; k < net.firstNode()[b + 1]; k++) {
        out.printf(Locale.ROOT, "%-16s %5d %11.6f %11.4f %14.4g %9s%n", net.busNames()[b], net.nodeNumbers()[k],
            r.vmPu(k), r.vaDeg(k), r.busBaseKv(b),
            k == net.firstNode()[b] && !Double.isNaN(vuf) ? String.format(Locale.ROOT, "%.3f", vuf) : "");
      }
    }
  }
}
