package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.PhaseConnection;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.threephase.PhaseLimitCheck;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.vc.Grouping;
import org.peergrid.market.vc.PlayerOutcome;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VirtualCommunity;

/**
 * The files and console lines of {@code peergrid clear --mechanism vc-game} on a three-phase scenario
 * (docs/formats.md, "vc-game and vc-coop on a three-phase feeder"): schedule.csv, settlement.csv,
 * settlement_intervals.csv and trades.csv as on a MATPOWER feeder, vcs.csv with each member's OpenDSS bus
 * and phases, phase_ac_check.csv of the equilibrium's power flows, and summary.json with the game's keys
 * and the three-phase check's.
 */
final class ThreePhaseGameOutput {
  static final String[] VCS = {"vc", "participant", "type", "bus", "phases"};

  private ThreePhaseGameOutput() {}

  static Map<String, String> files(ThreePhaseVcGame game) {
    ThreePhaseScenario s = game.scenario();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ClearCommand.SUMMARY, "");
    files.put(ClearCommand.SCHEDULE, ReportCsv.schedule(s.participants(), s.horizon().intervals(), game.schedules()));
    files.put(ClearCommand.SETTLEMENT, ReportCsv.settlement(game.settlement()));
    files.put(ClearCommand.SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(game.settlement()));
    files.put(ThreePhaseClear.PHASE_AC_CHECK, ThreePhaseClear.acCheck(game.model().network(), game.acCheck().reports(),
        game::largestLinearUnbalance, game::largestUnbalance,
        new PhaseLimitCheck(game.model().network(), s.network())));
    files.put(ClearCommand.VCS, communities(s, game.equilibrium().grouping()));
    if (!game.trades().isEmpty()) {
      files.put(ClearCommand.TRADES, VcGameOutput.trades(game.trades()));
    }
    try {
      files.put(ClearCommand.SUMMARY, summary(game, List.copyOf(files.keySet())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** vcs.csv: each community's members with their OpenDSS bus and phases. */
  static String communities(ThreePhaseScenario s, Grouping grouping) {
    return ReportCsv.csv(VCS, out -> {
      for (VirtualCommunity c : grouping.communities()) {
        for (String id : c.members()) {
          Participant p = s.participants().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
          PhaseConnection at = s.connection(id);
          out.printRecord(c.id(), id, p.typeName(), at.bus(),
              String.join("", at.nodes().stream().map(PhaseConnection::letter).toList()));
        }
      }
    });
  }

  static String summary(ThreePhaseVcGame game, List<String> files) throws JsonProcessingException {
    ThreePhaseScenario s = game.scenario();
    VcEquilibrium e = game.equilibrium();
    ObjectNode root = ThreePhaseClear.summaryOf(s, ThreePhaseVcGame.NAME);
    ThreePhaseClear.putSize(root, s);
    root.put("converged", e.converged());
    root.put("rounds", e.rounds());
    root.put("messages", e.messages());
    root.put("vcs", e.grouping().communities().size());
    root.put("equilibrium_epsilon", Numbers.clean(e.largestEpsilon()));
    ThreePhaseClear.putOrNull(root, "equilibrium_epsilon_pct", e.largestEpsilonPct().isPresent(),
        e.largestEpsilonPct().orElse(0));
    root.put("system_cost", Numbers.clean(game.systemCost()));
    ThreePhaseClear.putOrNull(root, "central_cost", game.coopCost().isPresent(), game.coopCost().orElse(0));
    ThreePhaseClear.putOrNull(root, "price_of_anarchy", game.priceOfAnarchy().isPresent(),
        game.priceOfAnarchy().orElse(0));
    ThreePhaseClear.putOrNull(root, "dlmp_cost", game.dlmpCost().isPresent(), game.dlmpCost().orElse(0));
    root.put("b2b_kwh", Numbers.clean(game.kwh("B2B")));
    root.put("b2c_kwh", Numbers.clean(game.kwh("B2C")));
    root.put("c2c_kwh", Numbers.clean(game.kwh("C2C")));
    root.put("game_ms", e.runMillis());
    root.put("dso_plays", game.played().violationsPerPlay().size());
    ArrayNode perPlay = root.putArray("ac_violations_per_play");
    game.played().violationsPerPlay().forEach(perPlay::add);
    root.put("ac_passed", game.acCheck().passed());
    root.put("ac_worst_violation_pu", Numbers.clean(game.acCheck().worstPu()));
    ThreePhaseClear.putUnbalance(root, s, game.acCheck().reports(), game::largestLinearUnbalance,
        game::largestUnbalance);
    ThreePhaseClear.putMoney(root, Optional.of(game.settlement()), true);
    return ThreePhaseClear.withFiles(root, files);
  }

  static void print(PrintWriter out, ThreePhaseVcGame game, Path dir, List<String> files) {
    ThreePhaseScenario s = game.scenario();
    VcEquilibrium e = game.equilibrium();
    SettlementResult money = game.settlement();
    ThreePhaseClear.printHeading(out, s, ThreePhaseVcGame.NAME);
    out.printf(Locale.ROOT, "  %d communities, %s after %d rounds, %d messages, %d ms%n",
        e.grouping().communities().size(), e.converged() ? "equilibrium" : "NO equilibrium", e.rounds(), e.messages(),
        e.runMillis());
    PlayerOutcome worst = e.worstPlayer();
    out.printf(Locale.ROOT, "  largest ε %.4f (%s), %s of the player's cost alone%n", worst.epsilon(), worst.id(),
        e.largestEpsilonPct().isPresent() ? String.format(Locale.ROOT, "%.2e %%", e.largestEpsilonPct().getAsDouble())
            : "n/a");
    out.printf(Locale.ROOT, "  DSO charges: %s; AC check %s%s%n", game.played().describe(),
        game.acCheck().passed() ? "passed" : "NOT passed", game.acCheck().converged() ? ""
            : " (a power flow did not converge)");
    out.printf(Locale.ROOT, "  system cost %.2f %s; cooperative optimum %s, price of anarchy %s; dlmp clearing %s%n",
        game.systemCost(), s.currency(), game.coopCost().isPresent()
            ? String.format(Locale.ROOT, "%.2f", game.coopCost().getAsDouble()) : "n/a",
        game.priceOfAnarchy().isPresent() ? String.format(Locale.ROOT, "%.6f", game.priceOfAnarchy().getAsDouble())
            : "n/a",
        game.dlmpCost().isPresent() ? String.format(Locale.ROOT, "%.2f", game.dlmpCost().getAsDouble()) : "n/a");
    double largest = ThreePhaseClear.largestAcUnbalance(game.acCheck().reports(), game::largestUnbalance);
    if (largest > s.network().unbalancePu() + 1e-6) {
      out.printf(Locale.ROOT, "  note: the power flow's PVUR reaches %.2f %% (limit %.2f %%); the DSO of the game"
          + " charges for voltages only (docs/vc-game.md)%n", 100 * largest, 100 * s.network().unbalancePu());
    }
    out.printf(Locale.ROOT, "  vc-game: base cost %.2f, cost %.2f, savings %.2f%n", money.baseCost(), money.totalCost(),
        money.savings());
    out.printf(Locale.ROOT, "  trades B2B %.1f kWh, B2C %.1f kWh, C2C %.1f kWh%n", game.kwh("B2B"), game.kwh("B2C"),
        game.kwh("C2C"));
    ThreePhaseClear.printWrote(out, files, dir);
  }
}
