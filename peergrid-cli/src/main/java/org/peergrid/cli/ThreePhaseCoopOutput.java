package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.vc.GameRound;
import org.peergrid.market.vc.TradeRow;

/**
 * The files and console lines of {@code peergrid clear --mechanism vc-coop} on a three-phase scenario
 * (docs/formats.md, "vc-game and vc-coop on a three-phase feeder"): phase_prices.csv of the DSO's last
 * master, schedule.csv, the Nash bargaining settlement, vcs.csv with each member's bus and phases,
 * trades.csv, phase_ac_check.csv of the accepted schedule's power flows, and summary.json.
 */
final class ThreePhaseCoopOutput {
  private ThreePhaseCoopOutput() {}

  static Map<String, String> files(ThreePhaseVcCoop coop) {
    ThreePhaseScenario s = coop.scenario();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ClearCommand.SUMMARY, "");
    if (coop.day().optimal()) {
      files.put(ThreePhaseClear.PHASE_PRICES, ThreePhaseClear.prices(coop.model().network(), coop.day()));
      files.put(ClearCommand.SCHEDULE, ThreePhaseClear.schedule(s, coop.day().participants()));
    }
    settlement(coop).ifPresent(r -> {
      files.put(ClearCommand.SETTLEMENT, ReportCsv.settlement(r));
      files.put(ClearCommand.SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(r));
    });
    if (coop.acCheck() != null) {
      files.put(ThreePhaseClear.PHASE_AC_CHECK, ThreePhaseClear.acCheck(coop.model().network(),
          coop.acCheck().reports(), coop::largestLinearUnbalance, coop::largestUnbalance,
          new PhaseLimitCheck(coop.model().network(), s.network())));
    }
    files.put(ClearCommand.VCS, ThreePhaseGameOutput.communities(s, coop.grouping()));
    List<TradeRow> trades = coop.trades();
    if (!trades.isEmpty()) {
      files.put(ClearCommand.TRADES, VcCsv.trades(trades));
    }
    try {
      files.put(ClearCommand.SUMMARY, summary(coop, List.copyOf(files.keySet())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static Optional<SettlementResult> settlement(ThreePhaseVcCoop coop) {
    return coop.settlement().flatMap(MechanismOutcome::settlement);
  }

  static String summary(ThreePhaseVcCoop coop, List<String> files) throws JsonProcessingException {
    ThreePhaseScenario s = coop.scenario();
    ObjectNode root = ThreePhaseClear.summaryOf(s, ThreePhaseVcCoop.NAME);
    root.put("status", coop.day().status().name());
    root.put("message", coop.day().message());
    ThreePhaseClear.putSize(root, s);
    root.put("converged", coop.game().converged());
    root.put("iterations", coop.game().rounds().size());
    root.put("messages", coop.game().messages());
    root.put("vcs", coop.grouping().communities().size());
    root.put("game_ms", coop.game().runMillis());
    GameRound last = coop.game().rounds().isEmpty() ? null : coop.game().rounds().get(coop.game().rounds().size() - 1);
    ThreePhaseClear.putOrNull(root, "primal_residual_kwh", last != null, last == null ? 0 : last.slackKwh());
    ThreePhaseClear.putOrNull(root, "dual_residual", last != null, last == null ? 0 : last.relativeGap());
    boolean optimal = coop.day().optimal();
    ThreePhaseClear.putOrNull(root, "schedule_cost", optimal, coop.day().cost());
    ThreePhaseClear.putOrNull(root, "central_cost", coop.centralCost().isPresent(), coop.centralCost().orElse(0));
    ThreePhaseClear.putOrNull(root, "gap_to_central_pct", coop.gapToCentralPct().isPresent(),
        coop.gapToCentralPct().orElse(0));
    ThreePhaseClear.putOrNull(root, "dlmp_cost", coop.dlmpCost().isPresent(), coop.dlmpCost().orElse(0));
    root.put("ac_rounds", coop.acRounds());
    root.put("ac_passed", coop.acPassed());
    ThreePhaseClear.putOrNull(root, "ac_worst_violation_pu", coop.acCheck() != null, coop.worstViolationPu());
    ThreePhaseClear.putUnbalance(root, s, coop.acCheck() == null ? null : coop.acCheck().reports(),
        coop::largestLinearUnbalance, coop::largestUnbalance);
    root.put("settlement", coop.settlement().map(o -> o.status().name()).orElse(null));
    root.put("settlement_message", coop.settlement().map(MechanismOutcome::message).orElse(null));
    ThreePhaseClear.putMoney(root, settlement(coop), true);
    return ThreePhaseClear.withFiles(root, files);
  }

  static void print(PrintWriter out, ThreePhaseVcCoop coop, Path dir, List<String> files) {
    ThreePhaseScenario s = coop.scenario();
    ThreePhaseClear.printHeading(out, s, ThreePhaseVcCoop.NAME);
    GameRound last = coop.game().rounds().isEmpty() ? null : coop.game().rounds().get(coop.game().rounds().size() - 1);
    out.printf(Locale.ROOT, "  %d communities, %s in %d rounds, %d messages, %d ms (the last of %d plays of the AC"
        + " correction)%n", coop.grouping().communities().size(), coop.game().converged() ? "converged" : "NOT converged",
        coop.game().rounds().size(), coop.game().messages(), coop.game().runMillis(), coop.acRounds());
    if (last != null) {
      out.printf(Locale.ROOT, "  residuals: primal %.2e kWh, dual %.2e (relative)%n", last.slackKwh(), last.relativeGap());
    }
    if (coop.day().optimal()) {
      out.printf(Locale.ROOT, "  schedule cost %.2f %s; central optimum under the same limits %s (gap %s); dlmp"
          + " clearing %s%n", coop.day().cost(), s.currency(),
          coop.centralCost().isPresent() ? String.format(Locale.ROOT, "%.2f", coop.centralCost().getAsDouble()) : "n/a",
          coop.gapToCentralPct().isPresent()
              ? String.format(Locale.ROOT, "%.2e %%", coop.gapToCentralPct().getAsDouble()) : "n/a",
          coop.dlmpCost().isPresent() ? String.format(Locale.ROOT, "%.2f", coop.dlmpCost().getAsDouble()) : "n/a");
      out.printf(Locale.ROOT, "  AC check %s after %d play(s)%s%n", coop.acPassed() ? "passed" : "NOT passed",
          coop.acRounds(), coop.acPassed() ? ""
              : String.format(Locale.ROOT, " (worst %.2e p.u. outside)", coop.worstViolationPu()));
      if (coop.unbalanceCorrectionInfeasible()) {
        out.println("  the AC correction could not tighten the unbalance limit by the power flow's excess: no"
            + " schedule the feeder can carry was left, so only the voltages and lines were corrected further"
            + " (docs/vc-coop.md §8)");
      }
    } else {
      out.println("  " + coop.day().message());
    }
    settlement(coop).ifPresent(r -> out.printf(Locale.ROOT, "  vc-coop (Nash bargaining): base cost %.2f, cost %.2f,"
        + " savings %.2f%n", r.baseCost(), r.totalCost(), r.savings()));
    ThreePhaseClear.printWrote(out, files, dir);
  }
}
