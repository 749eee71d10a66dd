package org.peergrid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.model.Bus;
import org.peergrid.grid.model.Feeder;
import org.peergrid.grid.opendss.DssCircuit;
import org.peergrid.grid.opendss.DssNetworkBuilder;
import org.peergrid.grid.opendss.DssScriptReader;
import org.peergrid.grid.powerflow.PowerFlowParameters;
import org.peergrid.grid.powerflow.PowerFlowResult;
import org.peergrid.grid.powerflow.SweepPowerFlow;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.grid.threephase.ThreePhaseParameters;
import org.peergrid.grid.threephase.ThreePhasePowerFlow;
import org.peergrid.grid.threephase.ThreePhaseResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peergrid powerflow}: the AC power flow of a MATPOWER feeder (balanced, one phase), or of an
 * OpenDSS feeder ({@code .dss}: unbalanced, three-phase, with regulator control).
 */
@Command(
    name = "powerflow",
    mixinStandardHelpOptions = true,
    description = {
      "AC power flow of a radial feeder with the case's own loads: a MATPOWER case (.m, balanced,",
      "backward/forward sweep) or an OpenDSS script (.dss, unbalanced three-phase with regulator taps).",
      "Prints voltages, flows or taps and losses; with --json one JSON object for scripts."
    })
final class PowerflowCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--case", required = true, paramLabel = "FILE",
      description = "MATPOWER version 2 case file (.m) or OpenDSS master script (.dss); see docs/formats.md"
          + " and docs/opendss.md for what is read (required).")
  Path caseFile;

  @Option(names = "--json", description = "Print one JSON object instead of tables (default: off, tables).")
  boolean json;

  @Option(names = "--tolerance", paramLabel = "PU", defaultValue = "1e-10",
      description = "Stop when no voltage changes by more than this between iterations [p.u.] (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--max-iterations", paramLabel = "N", defaultValue = "100",
      description = "Largest number of sweep iterations, a count (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Override
  public Integer call() throws Exception {
    if (caseFile.getFileName() != null && caseFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dss")) {
      return threePhase();
    }
    PowerFlowParameters params;
    try {
      params = new PowerFlowParameters(tolerance, maxIterations);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Feeder feeder = MatpowerCaseReader.read(caseFile);
    RadialNetwork network;
    try {
      network = RadialNetwork.of(feeder);
    } catch (org.peergrid.grid.ValidationException e) {
      throw e.source().isPresent() ? e : e.inSource(caseFile.toString());
    }
    PowerFlowResult result = new SweepPowerFlow(network, params).solve();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(feeder, result));
    } else {
      printTables(out, feeder, result);
    }
    out.flush();
    return result.converged() ? 0 : PeergridCommand.EXIT_NOT_CONVERGED;
  }

  /** The OpenDSS path: read the script, build the phase-frame network, solve with the script's control mode. */
  private int threePhase() throws Exception {
    DssCircuit circuit = DssScriptReader.read(caseFile);
    ThreePhaseParameters params;
    try {
      params = new ThreePhaseParameters(tolerance, maxIterations, !circuit.controlsOff(), circuit.maxControlIterations());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ThreePhaseResult result = new ThreePhasePowerFlow(DssNetworkBuilder.build(circuit), params).solve();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ThreePhasePowerflowOutput.toJson(caseFile.toString(), result));
    } else {
      ThreePhasePowerflowOutput.printTables(out, result);
    }
    out.flush();
    return result.converged() ? 0 : PeergridCommand.EXIT_NOT_CONVERGED;
  }

  static String toJson(Feeder feeder, PowerFlowResult r) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    RadialNetwork net = r.network();
    root.put("case", feeder.name());
    root.put("base_mva", feeder.baseMva());
    root.put("buses", r.busCount());
    root.put("converged", r.converged());
    root.put("status", r.status().name());
    root.put("iterations", r.iterations());
    root.put("losses_kw", r.lossesKw());
    root.put("losses_kvar", r.lossesKvar());
    int min = r.minVoltageIndex();
    int max = r.maxVoltageIndex();
    root.put("vmin_pu", r.voltageMagnitudePu(min));
    root.put("vmin_bus", r.busNumber(min));
    root.put("vmax_pu", r.voltageMagnitudePu(max));
    root.put("vmax_bus", r.busNumber(max));
    root.put("source_kw", r.sourceKw());
    root.put("source_kvar", r.sourceKvar());
    root.put("solve_ms", r.solveNanos() / 1e6);
    ArrayNode voltages = root.putArray("voltages");
    for (Bus bus : feeder.buses()) {
      int k = net.indexOf(bus.number());
      if (k < 0) {
        continue;
      }
      ObjectNode v = voltages.addObject();
      v.put("bus", bus.number());
      v.put("vm_pu", r.voltageMagnitudePu(k));
      v.put("va_deg", r.voltageAngleDeg(k));
    }
    ArrayNode branches = root.putArray("branches");
    for (int k = 1; k < r.busCount(); k++) {
      ObjectNode b = branches.addObject();
      b.put("index", r.branch(k).index());
      b.put("from", r.branch(k).fromBus());
      b.put("to", r.branch(k).toBus());
      b.put("p_from_kw", r.pFromKw(k));
      b.put("q_from_kvar", r.qFromKvar(k));
      b.put("p_to_kw", r.pToKw(k));
      b.put("q_to_kvar", r.qToKvar(k));
      b.put("loss_kw", r.lossKw(k));
      b.put("loss_kvar", r.lossKvar(k));
    }
    return mapper.writeValueAsString(root);
  }

  private static void printTables(PrintWriter out, Feeder feeder, PowerFlowResult r) {
    RadialNetwork net = r.network();
    int min = r.minVoltageIndex();
    int max = r.maxVoltageIndex();
    out.printf(Locale.ROOT, "Power flow of %s: %d buses, %d branches in service, base %.4g MVA%n",
        feeder.name(), r.busCount(), r.busCount() - 1, feeder.baseMva());
    out.printf(Locale.ROOT, "Status          %s after %d iterations (%.3f ms)%n", r.status(), r.iterations(),
        r.solveNanos() / 1e6);
    out.printf(Locale.ROOT, "Source          %.3f kW, %.3f kvar%n", r.sourceKw(), r.sourceKvar());
    out.printf(Locale.ROOT, "Losses          %.3f kW, %.3f kvar%n", r.lossesKw(), r.lossesKvar());
    out.printf(Locale.ROOT, "Voltage         min %.6f p.u. at bus %d, max %.6f p.u. at bus %d%n",
        r.voltageMagnitudePu(min), r.busNumber(min), r.voltageMagnitudePu(max), r.busNumber(max));
    out.println();
    out.println("   bus    Vm [p.u.]   Va [deg]");
    for (Bus bus : feeder.buses()) {
      int k = net.indexOf(bus.number());
      if (k >= 0) {
        out.printf(Locale.ROOT, "%6d %12.6f %10.4f%n", bus.number(), r.voltageMagnitudePu(k), r.voltageAngleDeg(k));
      }
    }
    out.println();
    out.println("branch   from     to   P from [kW]  Q from [kvar]   P to [kW]   Q to [kvar]   loss [kW]");
    for (int k = 1; k < r.busCount(); k++) {
      out.printf(Locale.ROOT, "%6d %6d %6d %13.3f %14.3f %11.3f %13.3f %11.4f%n", r.branch(k).index(),
          r.branch(k).fromBus(), r.branch(k).toBus(), r.pFromKw(k), r.qFromKvar(k), r.pToKw(k), r.qToKvar(k),
          r.lossKw(k));
    }
  }
}
