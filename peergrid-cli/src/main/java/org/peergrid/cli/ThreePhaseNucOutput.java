package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseGameFeeder;
import org.peergrid.market.threephase.ThreePhaseNucClearing;

/**
 * The files and console lines of {@code peergrid clear --mechanism p2p-nuc} on a three-phase scenario
 * (docs/formats.md, "p2p-nuc on a three-phase feeder"): schedule.csv, settlement.csv,
 * settlement_intervals.csv and trades.csv as on a MATPOWER feeder, phase_ac_check.csv of the last
 * clearing's power flows, and summary.json with the loop's keys and the three-phase check's.
 */
final class ThreePhaseNucOutput {
  private ThreePhaseNucOutput() {}

  static Map<String, String> files(ThreePhaseNucClearing c) {
    ThreePhaseScenario s = c.scenario();
    NucClearing<ThreePhaseGameFeeder.Check> nuc = c.nuc();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ClearCommand.SUMMARY, "");
    if (nuc.dispatch().solution().isPresent()) {
      files.put(ClearCommand.SCHEDULE, ReportCsv.schedule(s.participants(), s.horizon().intervals(), c.schedules()));
      nuc.settlement().ifPresent(r -> {
        files.put(ClearCommand.SETTLEMENT, ReportCsv.settlement(r));
        files.put(ClearCommand.SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(r));
      });
      files.put(ThreePhaseClear.PHASE_AC_CHECK, ThreePhaseClear.acCheck(c.feeder().network(), c.acCheck().reports(),
          c::largestLinearUnbalance, c::largestUnbalance,
          new PhaseLimitCheck(c.feeder().network(), s.network())));
    }
    if (!nuc.loop().trades().isEmpty()) {
      files.put(ClearCommand.TRADES, NucCsv.trades(nuc.loop().trades()));
    }
    try {
      files.put(ClearCommand.SUMMARY, summary(c, List.copyOf(files.keySet())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  static String summary(ThreePhaseNucClearing c, List<String> files) throws JsonProcessingException {
    ThreePhaseScenario s = c.scenario();
    NucClearing<ThreePhaseGameFeeder.Check> nuc = c.nuc();
    ObjectNode root = ThreePhaseClear.summaryOf(s, NucClearing.NAME);
    root.put("status", nuc.dispatch().status().name());
    ThreePhaseClear.putSize(root, s);
    root.put("converged", nuc.loop().converged());
    SummaryJson.putNuc(root, nuc);
    ThreePhaseClear.putMoney(root, nuc.settlement(), false);
    ThreePhaseGameFeeder.Check ac = c.acCheck();
    if (ac == null) { // the clearing failed: nothing was checked
      root.putNull("ac_passed");
      root.putNull("ac_voltage_violations");
      root.putNull("ac_worst_violation_pu");
    } else {
      root.put("ac_passed", ac.passed());
      root.put("ac_voltage_violations", ac.violations());
      root.put("ac_worst_violation_pu", Numbers.clean(ac.worstPu()));
    }
    return ThreePhaseClear.withFiles(root, files);
  }

  static void print(PrintWriter out, ThreePhaseNucClearing c, Path dir, List<String> files) {
    ThreePhaseScenario s = c.scenario();
    NucClearing<ThreePhaseGameFeeder.Check> nuc = c.nuc();
    ThreePhaseClear.printHeading(out, s, NucClearing.NAME);
    ThreePhaseGameFeeder.Check ac = c.acCheck();
    if (ac != null) {
      out.printf(Locale.ROOT, "  AC check %s: %d phase-node voltage violation(s)%s%n", ac.passed() ? "passed"
          : "NOT passed", ac.violations(), ac.converged() ? "" : " (a power flow did not converge)");
    }
    nuc.settlement().ifPresent(r -> out.printf(Locale.ROOT, "  p2p-nuc (MMR energy): base cost %.2f, cost %.2f,"
        + " savings %.2f %s before charges%n", r.baseCost(), r.totalCost(), r.savings(), s.currency()));
    NucCsv.print(out, nuc);
    ThreePhaseClear.printWrote(out, files, dir);
  }
}
