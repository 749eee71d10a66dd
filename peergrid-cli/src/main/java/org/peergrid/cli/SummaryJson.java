package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peergrid.market.nuc.NucClearing;
import java.util.List;
import java.util.Optional;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.BranchLoading;
import org.peergrid.market.accheck.BusVoltage;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.SettlementStatus;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.settlement.DlmpSettlement;
import org.peergrid.market.settlement.SettlementResult;
import org.peergrid.market.vc.GameRound;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcCoopResult;

/**
 * summary.json of {@code peergrid clear} (docs/formats.md). Every key is always present, null where
 * the day has no value for it (an infeasible day has no costs), so scripts can rely on the shape.
 */
public final class SummaryJson {
  private SummaryJson() {}

  static String of(Scenario scenario, ClearingResult r, List<String> files) throws JsonProcessingException {
    return of(scenario, r, files, Optional.empty());
  }

  /** With the game's keys ({@code iterations}, {@code messages}, {@code vcs}, {@code gap_to_central_pct}, …), null unless it played. */
  /** The summary of a p2p-nuc clearing: the common keys plus the loop's. */
  static String of(Scenario scenario, NucClearing<?> nuc, List<String> files) throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = (ObjectNode) mapper.readTree(of(scenario, nuc.clearing(), files, Optional.empty()));
    putNuc(root, nuc);
    return mapper.writeValueAsString(root) + "\n";
  }

  /** The loop's keys, on any feeder ({@code nuc_message}, {@code dso_revenue}, {@code nuc_saving}, …). */
  static void putNuc(ObjectNode root, NucClearing<?> nuc) {
    root.put("nuc_message", nuc.loop().message());
    root.put("nuc_converged", nuc.loop().converged());
    root.put("nuc_iterations", nuc.loop().iterations().size());
    root.put("dso_revenue", nuc.loop().revenue());
    root.put("dso_cost", nuc.loop().cost());
    root.put("dso_surcharge_revenue", nuc.loop().surchargeRevenue());
    root.put("nuc_surcharge_scale", nuc.loop().surchargeScale());
    root.put("nuc_loss_rate", nuc.loop().lossRate());
    ObjectNode saving = root.putObject("nuc_saving");
    nuc.savingWith().forEach((id, v) -> {
      ObjectNode row = saving.putObject(id);
      row.put("without_charges", nuc.savingWithout().getOrDefault(id, Double.NaN));
      row.put("with_charges", v);
      row.put("charges_paid", nuc.loop().paid().getOrDefault(id, 0.0));
    });
  }

  static String of(Scenario scenario, ClearingResult r, List<String> files, Optional<VcCoopClearing> vc)
      throws JsonProcessingException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = node(scenario, r);
    putGame(root, vc);
    ArrayNode written = root.putArray("files");
    files.forEach(written::add);
    return mapper.writeValueAsString(root) + "\n";
  }

  /** Every key of summary.json but {@code files}, in the file's order. */
  public static ObjectNode node(Scenario scenario, ClearingResult r) {
    ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    root.put("scenario", scenario.name());
    root.put("mechanism", r.mechanism());
    root.put("status", r.status().name());
    root.put("settlement_status", r.outcome().map(o -> o.status().name()).orElse(null));
    root.put("diagnosis", r.status() != DispatchStatus.OPTIMAL ? r.dispatch().message()
        : r.outcome().filter(o -> o.status() != SettlementStatus.SETTLED).map(o -> o.message()).orElse(null));
    root.put("currency", scenario.currency());
    root.put("intervals", scenario.horizon().intervals());
    root.put("interval_minutes", scenario.horizon().intervalMinutes());
    Optional<SettlementResult> settlement = r.settlement();
    Optional<DispatchSolution> solution = r.dispatch().solution();
    double hours = scenario.horizon().hours();
    put(root, "total_cost", settlement.map(SettlementResult::totalCost));
    put(root, "base_cost", settlement.map(SettlementResult::baseCost));
    put(root, "savings", settlement.map(SettlementResult::savings));
    put(root, "savings_pct", settlement.flatMap(s -> s.savingsPct().isPresent()
        ? Optional.of(s.savingsPct().getAsDouble()) : Optional.empty()));
    put(root, "dispatch_cost", solution.map(DispatchSolution::objective));
    put(root, "utility_bill", settlement.map(SettlementResult::utilityBill));
    put(root, "dso_surplus", settlement.map(SettlementResult::dsoSurplus));
    put(root, "dso_network_rent", solution.map(sol -> DlmpSettlement.networkRent(scenario, sol)));
    put(root, "background_load_cost", solution.map(sol -> DlmpSettlement.backgroundLoadCost(scenario, sol)));
    put(root, "grid_import_kwh", solution.map(s -> s.gridImportKwh(hours)));
    put(root, "grid_export_kwh", solution.map(s -> s.gridExportKwh(hours)));
    put(root, "dlmp_min", solution.map(s -> s.prices().dlmp().min()));
    put(root, "dlmp_max", solution.map(s -> s.prices().dlmp().max()));
    root.put("solve_ms", r.dispatch().solveMillis());
    putAcCheck(root, r.acCheck());
    ArrayNode notes = root.putArray("notes");
    solution.ifPresent(s -> s.notes().forEach(notes::add));
    return root;
  }

  public static void putAcCheck(ObjectNode root, Optional<AcCheckResult> ac) {
    Optional<BusVoltage> vmin = ac.flatMap(AcCheckResult::vmin);
    Optional<BusVoltage> vmax = ac.flatMap(AcCheckResult::vmax);
    Optional<BranchLoading> loading = ac.flatMap(AcCheckResult::mostLoaded);
    put(root, "ac_vmin_pu", vmin.map(BusVoltage::pu));
    putInt(root, "ac_vmin_bus", vmin.map(BusVoltage::bus));
    putInt(root, "ac_vmin_interval", vmin.map(BusVoltage::interval));
    put(root, "ac_vmax_pu", vmax.map(BusVoltage::pu));
    putInt(root, "ac_vmax_bus", vmax.map(BusVoltage::bus));
    putInt(root, "ac_vmax_interval", vmax.map(BusVoltage::interval));
    put(root, "ac_losses_kwh", ac.map(AcCheckResult::lossesKwh));
    putInt(root, "ac_voltage_violations", ac.map(a -> (int) a.voltageViolations()));
    putInt(root, "ac_branch_violations", ac.map(a -> (int) a.branchViolations()));
    put(root, "ac_max_loading_pct", loading.map(BranchLoading::percent));
    root.put("ac_max_loading_branch", loading.map(BranchLoading::element).orElse(null));
    if (ac.isPresent()) {
      ArrayNode failed = root.putArray("ac_nonconverged_intervals");
      ac.get().nonConvergedIntervals().forEach(failed::add);
    } else {
      root.putNull("ac_nonconverged_intervals");
    }
    putInt(root, "ac_solve_ms", ac.map(a -> (int) a.solveMillis()));
  }

  private static void putGame(ObjectNode root, Optional<VcCoopClearing> vc) {
    Optional<VcCoopResult> game = vc.flatMap(VcCoopClearing::game);
    putInt(root, "iterations", game.map(VcCoopResult::iterations));
    root.put("messages", game.map(VcCoopResult::messages).orElse(null));
    putInt(root, "vcs", game.map(g -> g.grouping().communities().size()));
    root.put("converged", game.map(VcCoopResult::converged).orElse(null));
    put(root, "gap_to_central_pct", vc.flatMap(v -> v.gapToCentralPct().isPresent()
        ? Optional.of(v.gapToCentralPct().getAsDouble()) : Optional.empty()));
    put(root, "central_cost", vc.flatMap(v -> v.centralCost().isPresent()
        ? Optional.of(v.centralCost().getAsDouble()) : Optional.empty()));
    Optional<GameRound> last = game.filter(g -> !g.rounds().isEmpty()).map(g -> g.rounds().get(g.rounds().size() - 1));
    put(root, "primal_residual_kwh", last.map(GameRound::slackKwh));
    put(root, "dual_residual_rel", last.map(GameRound::relativeGap));
    root.put("game_ms", game.map(VcCoopResult::runMillis).orElse(null));
  }

  static void put(ObjectNode node, String key, Optional<Double> value) {
    if (value.isPresent()) {
      node.put(key, Numbers.clean(value.get()));
    } else {
      node.putNull(key);
    }
  }

  static void putInt(ObjectNode node, String key, Optional<Integer> value) {
    if (value.isPresent()) {
      node.put(key, value.get());
    } else {
      node.putNull(key);
    }
  }
}
