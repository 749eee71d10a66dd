package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peergrid.grid.threephase.ThreePhaseResult;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.PhaseLimitCheck;

/**
 * The files and console of {@code peergrid realtime} on a three-phase scenario (docs/formats.md,
 * "peergrid realtime on a three-phase feeder"): the settlement files as on a balanced feeder, and
 * phase_ac_check.csv and phase_violations.csv from the three-phase power flow of every interval in
 * place of the balanced AC traces.
 */
final class ThreePhaseRealtimeOutput {
  static final String PHASE_AC_CHECK = "phase_ac_check.csv";
  static final String PHASE_VIOLATIONS = "phase_violations.csv";
  static final String[] AC_CHECK = {"interval", "status", "iterations", "losses_kw", "vmin_pu", "vmin_node",
    "vmax_pu", "vmax_node", "pvur", "largest_line_loading", "violations"};
  static final String[] VIOLATIONS = {"interval", "kind", "where", "value", "limit"};

  private ThreePhaseRealtimeOutput() {}

  static Map<String, String> files(ThreePhaseScenario forecast, ThreePhaseRealtime.Result r, String actuals) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(RealtimeCommand.SUMMARY, "");
    files.put(RealtimeCommand.SCHEDULE, ThreePhaseClear.schedule(r.actual(), r.realizedDays()));
    files.put(RealtimeCommand.DAYAHEAD_SETTLEMENT, ReportCsv.settlement(r.dayAhead().settlement()));
    files.put(RealtimeCommand.SETTLEMENT, RealtimeCsv.settlement(r.settlement()));
    files.put(RealtimeCommand.COSTS, RealtimeCsv.costs(r.settlement()));
    files.put(RealtimeCommand.INTERVALS, RealtimeCsv.intervals(r.realized()));
    files.put(PHASE_AC_CHECK, acCheck(r));
    files.put(PHASE_VIOLATIONS, violations(r));
    r.dayAhead().communities().ifPresent(g -> files.put(RealtimeCommand.VCS, ThreePhaseGameOutput.communities(forecast,
        g)));
    r.settlement().vcNetting().ifPresent(v -> files.put(RealtimeCommand.VC_NETTING, RealtimeCsv.vcNetting(v)));
    return files;
  }

  static String acCheck(ThreePhaseRealtime.Result r) {
    return ReportCsv.csv(AC_CHECK, out -> {
      for (ThreePhaseRealtime.IntervalCheck c : r.checks()) {
        ThreePhaseResult pf = c.flow();
        PhaseLimitCheck.Summary s = c.limits();
        if (s == null) {
          out.printRecord(c.interval(), pf.status(), pf.iterations(), "", "", "", "", "", "", "", "");
        } else {
          out.printRecord(c.interval(), pf.status(), pf.iterations(), ReportCsv.n(pf.lossesKw()),
              ReportCsv.n(s.vminPu()), s.vminNode(), ReportCsv.n(s.vmaxPu()), s.vmaxNode(), ReportCsv.n(s.pvur()),
              ReportCsv.n(s.largestLoading()), s.violations().size());
        }
      }
    });
  }

  static String violations(ThreePhaseRealtime.Result r) {
    return ReportCsv.csv(VIOLATIONS, out -> {
      for (ThreePhaseRealtime.IntervalCheck c : r.checks()) {
        if (c.limits() != null) {
          for (PhaseLimitCheck.Violation v : c.limits().violations()) {
            out.printRecord(c.interval(), kind(v.kind()), v.where(), ReportCsv.n(v.value()), ReportCsv.n(v.limit()));
          }
        }
      }
    });
  }

  /** How the files name a kind of limit: vmin, vmax, unbalance, line_current. */
  static String kind(PhaseLimitCheck.Kind kind) {
    return switch (kind) {
      case VOLTAGE_LOW -> "vmin";
      case VOLTAGE_HIGH -> "vmax";
      case UNBALANCE -> "unbalance";
      case LINE_CURRENT -> "line_current";
    };
  }

  static ObjectNode summary(ThreePhaseScenario s, String mechanism, ThreePhaseRealtime.Result r, String actuals) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("scenario", s.name());
    root.put("feeder", s.network().opendss().getFileName().toString());
    root.put("mechanism", mechanism);
    root.put("status", "OPTIMAL");
    root.put("currency", s.currency());
    root.put("intervals", s.horizon().intervals());
    root.put("interval_minutes", s.horizon().intervalMinutes());
    root.put("actuals", actuals);
    root.put("dayahead", r.dayAhead().source());
    TwoSettlementResult st = r.settlement();
    root.put("dayahead_cost", Numbers.clean(st.dayAheadCost()));
    root.put("realtime_cost", Numbers.clean(st.realtimeCost()));
    root.put("deviation_cost", Numbers.clean(st.deviationCost()));
    root.put("deviation_payments", Numbers.clean(st.deviationPayments()));
    root.put("realtime_utility_bill", Numbers.clean(st.realtimeUtilityBill()));
    root.put("netting_surplus", Numbers.clean(st.nettingSurplus()));
    // Netting inside virtual communities (vc-game, vc-coop day ahead), as on a balanced feeder (RealtimeSummaryJson).
    root.put("netting_surplus_alone", Numbers.clean(st.vcNetting().map(v -> v.nettingSurplusAlone())
        .orElse(st.nettingSurplus())));
    if (st.vcNetting().isPresent()) {
      root.put("vc_netting_kwh", Numbers.clean(st.vcNetting().get().nettedKwh()));
      root.put("vc_netting_benefit", Numbers.clean(st.vcNetting().get().benefit()));
    } else {
      root.putNull("vc_netting_kwh");
      root.putNull("vc_netting_benefit");
    }
    root.put("realtime_dispatch_cost", Numbers.clean(r.realized().solution().objective()));
    root.put("redispatched_intervals", (int) r.realized().redispatched());
    root.put("network_limits_dropped_intervals", (int) r.realized().intervals().stream()
        .filter(i -> i.networkLimitsDropped()).count());
    root.put("interval_solve_ms_mean", Numbers.clean(r.realized().meanSolveMillis()));
    root.put("interval_solve_ms_max", Numbers.clean(r.realized().maxSolveMillis()));
    root.put("realtime_ms", r.millis());
    root.put("ac_converged", r.converged());
    double vmin = Double.POSITIVE_INFINITY;
    double vmax = Double.NEGATIVE_INFINITY;
    double pvur = 0;
    int violations = 0;
    for (ThreePhaseRealtime.IntervalCheck c : r.checks()) {
      if (c.limits() != null) {
        vmin = Math.min(vmin, c.limits().vminPu());
        vmax = Math.max(vmax, c.limits().vmaxPu());
        pvur = Math.max(pvur, c.limits().pvur());
        violations += c.limits().violations().size();
      }
    }
    root.put("ac_vmin_pu", Double.isFinite(vmin) ? Numbers.clean(vmin) : null);
    root.put("ac_vmax_pu", Double.isFinite(vmax) ? Numbers.clean(vmax) : null);
    root.put("ac_pvur_max", Numbers.clean(pvur));
    root.put("ac_violations", violations);
    return root;
  }

  static String json(ObjectNode root, List<String> files) {
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void header(PrintWriter out, ThreePhaseScenario s, String actuals, String dayAhead) {
    out.printf(Locale.ROOT, "Real time %s: %d participants, %d x %d min on %s (three-phase, %d buses)%n", s.name(),
        s.participants().size(), s.horizon().intervals(), s.horizon().intervalMinutes(),
        s.network().opendss().getFileName(), s.network().feeder().busCount());
    out.printf(Locale.ROOT, "Actuals         %s%n", actuals);
    out.printf(Locale.ROOT, "Day ahead       %s%n", dayAhead);
    out.flush();
  }

  static void summary(PrintWriter out, ThreePhaseScenario s, ThreePhaseRealtime.Result r) {
    summary(out, s, r, PHASE_VIOLATIONS);
  }

  /** The same, naming the violations' file as written ({@code run} prefixes its real-time files). */
  static void summary(PrintWriter out, ThreePhaseScenario s, ThreePhaseRealtime.Result r, String violationsFile) {
    RealtimeConsole.money(out, s.currency(), r.settlement());
    out.printf(Locale.ROOT, "Re-dispatch     %d of %d intervals, LP mean %.1f ms, max %.1f ms per interval (real time"
        + " %d ms in all)%n", r.realized().redispatched(), r.realized().intervals().size(),
        r.realized().meanSolveMillis(), r.realized().maxSolveMillis(), r.millis());
    ThreePhaseRealtime.IntervalCheck low = null;
    ThreePhaseRealtime.IntervalCheck high = null;
    double pvur = 0;
    int violations = 0;
    for (ThreePhaseRealtime.IntervalCheck c : r.checks()) {
      if (c.limits() == null) {
        continue;
      }
      if (low == null || c.limits().vminPu() < low.limits().vminPu()) {
        low = c;
      }
      if (high == null || c.limits().vmaxPu() > high.limits().vmaxPu()) {
        high = c;
      }
      pvur = Math.max(pvur, c.limits().pvur());
      violations += c.limits().violations().size();
    }
    if (low != null) {
      out.printf(Locale.ROOT, "Power flow      Vmin %.6f p.u. (%s, interval %d), Vmax %.6f p.u. (%s, interval %d), "
          + "PVUR at most %.3f %% (limit %.3f %%); %d violation(s) in %s%n", low.limits().vminPu(),
          low.limits().vminNode(), low.interval(), high.limits().vmaxPu(), high.limits().vmaxNode(), high.interval(),
          100 * pvur, 100 * s.network().unbalancePu(), violations, violationsFile);
    }
    long failed = r.checks().stream().filter(c -> !c.flow().converged()).count();
    if (failed > 0) {
      out.printf(Locale.ROOT, "Power flow      did not converge in %d interval(s)%n", failed);
    }
  }

  static void files(PrintWriter out, Path dir, List<String> files) {
    out.printf(Locale.ROOT, "Files           %s: %s%n", dir, String.join(", ", files));
  }
}
