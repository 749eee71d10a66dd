package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.peergrid.grid.threephase.PhaseNetwork;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.ParticipantDay;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.PhasePrice;
import org.peergrid.market.threephase.ThreePhaseAcCheck;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseDay;
import org.peergrid.market.threephase.ThreePhaseMarket;

/**
 * The report files of {@code peergrid clear} on a three-phase scenario (docs/formats.md, "peergrid
 * clear on a three-phase feeder"): summary.json, schedule.csv, settlement.csv and
 * settlement_intervals.csv as on a MATPOWER feeder, and phase_prices.csv and phase_ac_check.csv in
 * place of prices.csv and ac_check.csv (buses are OpenDSS names, prices per phase).
 */
final class ThreePhaseClear {
  static final String PHASE_PRICES = "phase_prices.csv";
  static final String PHASE_AC_CHECK = "phase_ac_check.csv";
  static final String[] PRICES = {"interval", "bus", "phase", "dlmp", "energy", "voltage", "unbalance", "congestion"};
  static final String[] AC_CHECK = {"interval", "status", "iterations", "losses_kw", "vmin_pu", "vmin_node",
    "vmax_pu", "vmax_node", "largest_difference_pu", "pvur_lp", "pvur_ac", "violated"};

  private ThreePhaseClear() {}

  static Map<String, String> files(ThreePhaseMarket market, Optional<MechanismOutcome> outcome, String mechanism) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ClearCommand.SUMMARY, "");
    if (market.day().optimal()) {
      files.put(PHASE_PRICES, prices(market));
      files.put(ClearCommand.SCHEDULE, schedule(market));
    }
    outcome.flatMap(MechanismOutcome::settlement).ifPresent(s -> {
      files.put(ClearCommand.SETTLEMENT, ReportCsv.settlement(s));
      files.put(ClearCommand.SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(s));
    });
    if (!market.acChecks().isEmpty()) {
      files.put(PHASE_AC_CHECK, acCheck(market));
    }
    try {
      files.put(ClearCommand.SUMMARY, summary(market, outcome, mechanism, List.copyOf(files.keySet())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** Every phase node of every bus but the source's, phase to ground, every interval. */
  static String prices(ThreePhaseMarket market) {
    return prices(market.clearing().model().network(), market.day());
  }

  /** phase_prices.csv of a cleared day's intervals. */
  static String prices(PhaseNetwork net, ThreePhaseDay day) {
    return ReportCsv.csv(PRICES, out -> {
      List<ThreePhaseClearingResult> intervals = day.intervals();
      for (int t = 0; t < intervals.size(); t++) {
        for (PhasePrice p : intervals.get(t).prices()) {
          if (p.port().minus() >= 0) {
            continue; // a delta load's port of the feeder: priced for the DSO's accounts, not listed
          }
          out.printRecord(t, p.bus(), PhaseConnection.letter(net.nodeNumbers()[p.port().plus()]), n(p.dlmp()),
              n(p.energy()), n(p.voltage()), n(p.unbalance()), n(p.congestion()));
        }
      }
    });
  }

  /** The columns of schedule.csv; import and export are the participant's net withdrawal and injection. */
  static String schedule(ThreePhaseMarket market) {
    return schedule(market.clearing().scenario(), market.day().participants());
  }

  /** The same for any participants' days on the scenario (real time's realised day). */
  static String schedule(ThreePhaseScenario s, List<ParticipantDay> days) {
    return ReportCsv.csv(ReportCsv.SCHEDULE, out -> {
      for (int t = 0; t < s.horizon().intervals(); t++) {
        for (int i = 0; i < s.participants().size(); i++) {
          Participant p = s.participants().get(i);
          ParticipantDay d = days.get(i);
          boolean battery = ReportCsv.hasBattery(p);
          out.printRecord(t, p.id(), n(Math.max(0, -d.netKw()[t])), n(Math.max(0, d.netKw()[t])), n(d.chargeKw()[t]),
              n(d.dischargeKw()[t]), battery ? n(d.energyKwh()[t]) : "", n(d.shiftedKw()[t]), n(d.outputKw()[t]),
              n(d.curtailedKw()[t]));
        }
      }
    });
  }

  static String acCheck(ThreePhaseMarket market) {
    PhaseNetwork net = market.clearing().model().network();
    return acCheck(net, market.acChecks(), market::largestLinearUnbalance, market::largestUnbalance,
        new PhaseLimitCheck(net, market.clearing().scenario().network()));
  }

  /**
   * phase_ac_check.csv of any schedule's power flows: one row per interval.
   *
   * @param pvurLp the largest PVUR of LinDist3Flow's voltages in interval t
   * @param pvurAc the largest PVUR of the power flow in interval t (asked only where it converged)
   * @param limits the scenario's limits, for the {@code violated} column
   */
  static String acCheck(PhaseNetwork net, List<ThreePhaseAcCheck.Report> reports,
      java.util.function.IntToDoubleFunction pvurLp, java.util.function.IntToDoubleFunction pvurAc,
      PhaseLimitCheck limits) {
    return ReportCsv.csv(AC_CHECK, out -> {
      for (int t = 0; t < reports.size(); t++) {
        ThreePhaseAcCheck.Report r = reports.get(t);
        ThreePhaseResult pf = r.result();
        boolean ok = pf.converged();
        out.printRecord(t, pf.status(), pf.iterations(), ok ? n(pf.lossesKw()) : "",
            ok ? n(pf.vmPu(r.lowestNode())) : "", node(net, r.lowestNode()), ok ? n(pf.vmPu(r.highestNode())) : "",
            node(net, r.highestNode()), ok ? n(r.largestDifferencePu()) : "", n(pvurLp.applyAsDouble(t)),
            ok ? n(pvurAc.applyAsDouble(t)) : "", ok ? violations(limits.check(pf).violations()) : "");
      }
    });
  }

  /** The violated column: {@code kind:where} for each limit broken, separated by {@code ;} (empty if none). */
  static String violations(List<PhaseLimitCheck.Violation> violations) {
    return String.join(";", violations.stream()
        .map(v -> ThreePhaseRealtimeOutput.kind(v.kind()) + ":" + v.where()).toList());
  }

  /**
   * One console line per kind of limit the power flow breaks in some interval: the worst case, where and
   * when (nothing if every interval is inside).
   */
  static void printViolations(PrintWriter out, List<ThreePhaseAcCheck.Report> reports, PhaseLimitCheck limits) {
    java.util.Map<PhaseLimitCheck.Kind, PhaseLimitCheck.Violation> worst = new java.util.EnumMap<>(PhaseLimitCheck.Kind.class);
    java.util.Map<PhaseLimitCheck.Kind, Integer> when = new java.util.EnumMap<>(PhaseLimitCheck.Kind.class);
    for (int t = 0; t < reports.size(); t++) {
      if (!reports.get(t).result().converged()) {
        continue;
      }
      for (PhaseLimitCheck.Violation v : limits.check(reports.get(t).result()).violations()) {
        PhaseLimitCheck.Violation w = worst.get(v.kind());
        if (w == null || Math.abs(v.value() - v.limit()) / v.limit() > Math.abs(w.value() - w.limit()) / w.limit()) {
          worst.put(v.kind(), v);
          when.put(v.kind(), t);
        }
      }
    }
    for (PhaseLimitCheck.Violation v : worst.values()) {
      boolean percent = v.kind() == PhaseLimitCheck.Kind.UNBALANCE;
      String unit = v.kind() == PhaseLimitCheck.Kind.LINE_CURRENT ? " A" : percent ? " %" : " p.u.";
      double scale = percent ? 100 : 1;
      out.printf(Locale.ROOT, "  violated: %s at %s, interval %d: %.4f%s against the limit %.4f%s%n",
          ThreePhaseRealtimeOutput.kind(v.kind()), v.where(), when.get(v.kind()), scale * v.value(), unit,
          scale * v.limit(), unit);
    }
  }

  private static String node(PhaseNetwork net, int k) {
    return net.busNames()[net.busOf(k)] + "." + net.nodeNumbers()[k];
  }

  static String summary(ThreePhaseMarket market, Optional<MechanismOutcome> outcome, String mechanism,
      List<String> files) throws JsonProcessingException {
    ThreePhaseScenario s = market.clearing().scenario();
    ObjectNode root = summaryOf(s, mechanism);
    root.put("status", market.day().status().name());
    root.put("message", market.day().message());
    putSize(root, s);
    boolean optimal = market.day().optimal();
    putOrNull(root, "schedule_cost", optimal, market.day().cost());
    root.put("ac_rounds", market.rounds());
    root.put("ac_passed", market.acPassed());
    putOrNull(root, "ac_worst_violation_pu", optimal && Double.isFinite(market.worstViolationPu()),
        market.worstViolationPu());
    putUnbalance(root, s, optimal ? market.acChecks() : null, market::largestLinearUnbalance, market::largestUnbalance);
    root.put("settlement", outcome.map(o -> o.status().name()).orElse(null));
    root.put("settlement_message", outcome.map(MechanismOutcome::message).orElse(null));
    putMoney(root, outcome.flatMap(MechanismOutcome::settlement), true);
    return withFiles(root, files);
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A three-phase clear's summary.json (docs/formats.md), every mechanism's: its first keys, the
   * scenario, its OpenDSS feeder and the mechanism; the mechanism's own keys follow.
   */
  static ObjectNode summaryOf(ThreePhaseScenario s, String mechanism) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", s.name());
    root.put("feeder", s.network().opendss().getFileName().toString());
    root.put("mechanism", mechanism);
    return root;
  }

  /** The day's size: intervals and participants. */
  static void putSize(ObjectNode root, ThreePhaseScenario s) {
    root.put("intervals", s.horizon().intervals());
    root.put("participants", s.participants().size());
  }

  /**
   * The unbalance limit and the largest PVUR of LinDist3Flow's and of the power flow's voltages over
   * the day ({@code pvurAc} asked only where the power flow converged); null when {@code reports} is
   * (nothing was checked).
   */
  static void putUnbalance(ObjectNode root, ThreePhaseScenario s, List<ThreePhaseAcCheck.Report> reports,
      IntToDoubleFunction pvurLp, IntToDoubleFunction pvurAc) {
    double lp = 0;
    for (int t = 0; reports != null && t < reports.size(); t++) {
      lp = Math.max(lp, pvurLp.applyAsDouble(t));
    }
    root.put("unbalance_limit", s.network().unbalancePu());
    putOrNull(root, "pvur_max_lp", reports != null, lp);
    putOrNull(root, "pvur_max_ac", reports != null, reports == null ? 0 : largestAcUnbalance(reports, pvurAc));
  }

  /** The largest PVUR of the power flow over the intervals where it converged (0 when none did). */
  static double largestAcUnbalance(List<ThreePhaseAcCheck.Report> reports, IntToDoubleFunction pvurAc) {
    double ac = 0;
    for (int t = 0; t < reports.size(); t++) {
      if (reports.get(t).result().converged()) {
        ac = Math.max(ac, pvurAc.applyAsDouble(t));
      }
    }
    return ac;
  }

  /** The settlement's totals (null without one); {@code withBills} adds the utility's bill and the DSO's surplus. */
  static void putMoney(ObjectNode root, Optional<SettlementResult> money, boolean withBills) {
    putOrNull(root, "base_cost", money.isPresent(), money.map(SettlementResult::baseCost).orElse(0.0));
    putOrNull(root, "total_cost", money.isPresent(), money.map(SettlementResult::totalCost).orElse(0.0));
    putOrNull(root, "savings", money.isPresent(), money.map(SettlementResult::savings).orElse(0.0));
    if (withBills) {
      putOrNull(root, "utility_bill", money.isPresent(), money.map(SettlementResult::utilityBill).orElse(0.0));
      putOrNull(root, "dso_surplus", money.isPresent(), money.map(SettlementResult::dsoSurplus).orElse(0.0));
    }
  }

  /** The summary's last key, the files written, and its text. */
  static String withFiles(ObjectNode root, List<String> files) throws JsonProcessingException {
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    return JSON.writeValueAsString(root) + "\n";
  }

  /** The console's first line of a three-phase clear: the scenario, its feeder, its size, then {@code what}. */
  static void printHeading(PrintWriter out, ThreePhaseScenario s, Object what) {
    out.printf(Locale.ROOT, "%s on %s (three-phase, %d participants, %d intervals): %s%n", s.name(),
        s.network().opendss().getFileName(), s.participants().size(), s.horizon().intervals(), what);
  }

  /** The console's last line: the files written and where. */
  static void printWrote(PrintWriter out, List<String> files, java.nio.file.Path dir) {
    out.println("  wrote " + String.join(", ", files) + " to " + dir);
  }

  static void putOrNull(ObjectNode node, String key, boolean present, double value) {
    if (present) {
      node.put(key, Numbers.clean(value));
    } else {
      node.putNull(key);
    }
  }

  static void print(PrintWriter out, ThreePhaseMarket market, Optional<MechanismOutcome> outcome,
      java.nio.file.Path dir, List<String> files) {
    ThreePhaseScenario s = market.clearing().scenario();
    printHeading(out, s, market.day().status());
    if (market.day().optimal()) {
      out.printf(Locale.ROOT, "  schedule cost %.2f %s; AC check %s after %d clearing(s)%s%n", market.day().cost(),
          s.currency(), market.acPassed() ? "passed" : "NOT passed", market.rounds(),
          market.acPassed() ? "" : String.format(Locale.ROOT, " (worst %.2e p.u. outside)", market.worstViolationPu()));
      printViolations(out, market.acChecks(), new PhaseLimitCheck(market.clearing().model().network(), s.network()));
      if (market.unbalanceCorrectionInfeasible()) {
        out.println("  the AC correction could not tighten the unbalance limit by the power flow's excess: the LP"
            + " became infeasible, so only the voltages were corrected further (docs/opendss.md)");
      }
      outcome.flatMap(MechanismOutcome::settlement).ifPresent(r -> out.printf(Locale.ROOT,
          "  %s: base cost %.2f, cost %.2f, savings %.2f%n", outcome.get().mechanism(), r.baseCost(), r.totalCost(),
          r.savings()));
    } else {
      out.println("  " + market.day().message());
    }
    printWrote(out, files, dir);
  }

  static String n(double value) {
    return ReportCsv.n(value);
  }
}
