package org.peergrid.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.cli.SummaryJson;
import org.peergrid.market.settlement.ParticipantSettlement;
import org.peergrid.market.vc.PlayerOutcome;
import org.peergrid.market.vc.VcEquilibrium;
import org.peergrid.market.vc.VcGameClearing;

/**
 * The non-cooperative game's equilibrium (vc-game): rounds, messages, the DSO's plays, the largest
 * ε, the price of anarchy against vc-coop, the energy of each market, every building's saving
 * against alone, and the AC check of the equilibrium; summary.json's {@code vc_game}.
 */
final class VcGameSection implements ReportSection {
  static final String SAVINGS = "vc_game_savings.csv";
  static final String[] HEADER = {"building", "cost_alone", "cost", "saving", "epsilon"};
  private final VcGameClearing game;

  VcGameSection(VcGameClearing game) {
    this.game = game;
  }

  @Override
  public String id() {
    return "vc-game";
  }

  @Override
  public String title() {
    return "Virtual communities: the non-cooperative game (vc-game)";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return game.equilibrium().isPresent() && game.clearing().dispatch().solution().isPresent();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    VcEquilibrium e = game.equilibrium().orElseThrow();
    out.paragraph("The same communities playing the non-cooperative game (vc-game, docs/vc-game.md): every player"
        + " lowers its own cost against the others' offers in the B2B, B2C and C2C markets and at the tariffs,"
        + " and the DSO keeps the feeder within its limits by network charges. The certificate ε is what each"
        + " player's exact best response against the others' final offers would still save; the price of"
        + " anarchy is the equilibrium's system cost over the cooperative optimum (vc-coop) under the same limits."
        + game.acCorrection().map(n -> " DSO's network charges: " + n + ".").orElse(""));
    Map<String, String> tiles = new LinkedHashMap<>();
    tiles.put("communities", Integer.toString(e.grouping().communities().size()));
    tiles.put("rounds", e.rounds() + (e.converged() ? "" : " (not converged)"));
    tiles.put("messages", String.format(Locale.ROOT, "%,d", e.messages()));
    tiles.put("DSO plays", dsoPlays().map(String::valueOf).orElse("–"));
    tiles.put("largest ε", Fmt.money(e.largestEpsilon()) + run.money());
    tiles.put("largest ε %", e.largestEpsilonPct().isPresent()
        ? String.format(Locale.ROOT, "%.2e %%", e.largestEpsilonPct().getAsDouble()) : "–");
    tiles.put("price of anarchy", game.priceOfAnarchy().isPresent()
        ? String.format(Locale.ROOT, "%.6f", game.priceOfAnarchy().getAsDouble()) : "–");
    out.tiles(tiles);
    Map<String, String> energy = new LinkedHashMap<>();
    energy.put("B2B", kwh("B2B"));
    energy.put("B2C", kwh("B2C"));
    energy.put("C2C", kwh("C2C"));
    energy.put("grid in", kwh("GRID_IMPORT"));
    energy.put("grid out", kwh("GRID_EXPORT"));
    out.tiles(energy);
    game.clearing().acCheck().ifPresent(ac -> out.note(String.format(Locale.ROOT,
        "AC check of the equilibrium: %s, %d voltage and %d branch violations, losses %.1f kWh%s.",
        ac.converged() ? "converged" : "NOT converged in every interval", ac.voltageViolations(), ac.branchViolations(),
        ac.lossesKwh(), ac.vmin().map(v -> String.format(Locale.ROOT, ", lowest voltage %.4f p.u. at bus %s",
            v.pu(), v.bus())).orElse(""))));
    List<List<String>> rows = new ArrayList<>();
    for (ParticipantSettlement p : buildings()) {
      rows.add(List.of(p.participant(), Fmt.money(p.baseCost()), Fmt.money(p.cost()), Fmt.money(p.savings()),
          Fmt.money(e.player(p.participant()).epsilon())));
    }
    out.foldedTable("Every building's cost and saving against alone at the equilibrium (" + SAVINGS + ")",
        List.of("building", "cost alone" + run.money(), "cost" + run.money(), "saving" + run.money(),
            "ε" + run.money()), rows);
    out.file(SAVINGS, savingsCsv(buildings(), e));
  }

  /**
   * vc_game_savings.csv: every building's cost alone, cost, saving and ε at the equilibrium; also what
   * {@code run} writes for vc-game on a three-phase feeder ({@link ThreePhaseRunReport}).
   *
   * @param buildings the settlement's rows with a cost alone
   */
  static String savingsCsv(List<ParticipantSettlement> buildings, VcEquilibrium e) {
    return ReportCsv.csv(HEADER, csv -> {
      for (ParticipantSettlement p : buildings) {
        csv.printRecord(p.participant(), Numbers.plain(p.baseCost().getAsDouble()), Numbers.plain(p.cost()),
            Numbers.plain(p.savings().getAsDouble()), Numbers.plain(e.player(p.participant()).epsilon()));
      }
    });
  }

  /** The rows of a settlement with a cost alone: the buildings. */
  static List<ParticipantSettlement> buildings(org.peergrid.market.settlement.SettlementResult settlement) {
    return settlement.participants().stream().filter(p -> p.savings().isPresent()).toList();
  }

  @Override
  public void summarize(ObjectNode summary) {
    ObjectNode n = summary.putObject("vc_game");
    VcEquilibrium e = game.equilibrium().orElse(null);
    if (e == null) {
      n.put("converged", false);
      return;
    }
    n.put("converged", e.converged());
    n.put("communities", e.grouping().communities().size());
    n.put("rounds", e.rounds());
    n.put("messages", e.messages());
    n.put("dso_plays", dsoPlays().orElse(null));
    n.put("equilibrium_epsilon", Numbers.clean(e.largestEpsilon()));
    put(n, "equilibrium_epsilon_pct", e.largestEpsilonPct());
    put(n, "price_of_anarchy", game.priceOfAnarchy());
    put(n, "gap_to_central_pct", game.gapToCentralPct());
    put(n, "central_cost", game.coopCost());
    n.put("b2b_kwh", Numbers.clean(game.kwh("B2B")));
    n.put("b2c_kwh", Numbers.clean(game.kwh("B2C")));
    n.put("c2c_kwh", Numbers.clean(game.kwh("C2C")));
    n.put("grid_import_kwh", Numbers.clean(game.kwh("GRID_IMPORT")));
    n.put("grid_export_kwh", Numbers.clean(game.kwh("GRID_EXPORT")));
    n.put("game_ms", e.runMillis());
    ObjectNode savings = n.putObject("savings");
    for (ParticipantSettlement p : buildings()) {
      savings.put(p.participant(), Numbers.clean(p.savings().getAsDouble()));
    }
    SummaryJson.putAcCheck(n, game.clearing().acCheck());
  }

  /** The buildings' settlement rows: those with a cost alone. */
  private List<ParticipantSettlement> buildings() {
    return game.clearing().settlement().map(VcGameSection::buildings).orElse(List.of());
  }

  /** How many games the DSO played while raising its charges; empty when the day was not played. */
  private Optional<Integer> dsoPlays() {
    return game.dsoPlays() == 0 ? Optional.empty() : Optional.of(game.dsoPlays());
  }

  private String kwh(String type) {
    return String.format(Locale.ROOT, "%.1f kWh", game.kwh(type));
  }

  private static void put(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(key, Numbers.clean(value.getAsDouble()));
    } else {
      node.putNull(key);
    }
  }
}
