package org.peergrid.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.RealtimeCsv;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.TwoSettlementResult;
import org.peergrid.market.realtime.VcNettingResult;
import org.peergrid.market.realtime.VcNettingRow;

/**
 * Real time on the non-cooperative game's day ahead (docs/realtime.md §3): the same actual day as
 * the real-time section, but deviations net inside each virtual community first at its internal
 * price, so the spread on what cancels goes to the members instead of the operator.
 * summary.json's {@code vc_game_realtime}.
 */
final class VcRealtimeSection implements ReportSection {
  static final String NETTING = "vc_game_netting.csv";
  private final RealtimeResult result;
  private final String actuals;

  VcRealtimeSection(RealtimeResult result, String actuals) {
    this.result = result;
    this.actuals = actuals;
  }

  @Override
  public String id() {
    return "vc-game-realtime";
  }

  @Override
  public String title() {
    return "Real time on the game's day ahead: netting inside the communities";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return result.settlement().vcNetting().isPresent();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    TwoSettlementResult st = result.settlement();
    VcNettingResult vc = st.vcNetting().orElseThrow();
    out.paragraph("The actual day (" + actuals + ") played from vc-game's day-ahead equilibrium: every member's"
        + " deviation from its position nets first inside its community, at the community's internal price (the"
        + " mid-point of the real-time import and export prices), and only each community's residual is settled"
        + " with the DSO at real-time prices. What the operator would keep as netting surplus on the volume that"
        + " cancels inside a community goes to that community's members instead.");
    Map<String, String> tiles = new LinkedHashMap<>();
    tiles.put("netted inside communities", String.format(Locale.ROOT, "%.1f kWh", vc.nettedKwh()));
    tiles.put("members save", Fmt.money(vc.benefit()) + run.money());
    tiles.put("operator keeps", Fmt.money(st.nettingSurplus()) + run.money());
    tiles.put("operator without VC netting", Fmt.money(vc.nettingSurplusAlone()) + run.money());
    tiles.put("deviations cost the buildings", Fmt.money(st.deviationCost()) + run.money());
    out.tiles(tiles);
    Map<String, double[]> byCommunity = new LinkedHashMap<>();
    for (VcNettingRow r : vc.rows()) {
      double[] sum = byCommunity.computeIfAbsent(r.community(), k -> new double[5]);
      sum[0] += r.shortfallKwh();
      sum[1] += r.surplusKwh();
      sum[2] += r.nettedKwh();
      sum[3] += r.residualAmount();
      sum[4] += r.benefit();
    }
    List<List<String>> rows = new ArrayList<>();
    byCommunity.forEach((id, x) -> rows.add(List.of(id, kwh(x[0]), kwh(x[1]), kwh(x[2]), Fmt.money(x[3]),
        Fmt.money(x[4]))));
    out.foldedTable("Every community over the day (" + NETTING + " per interval)", List.of("community",
        "shortfalls kWh", "surpluses kWh", "netted kWh", "residual paid" + run.money(), "members save" + run.money()),
        rows);
    out.note(String.format(Locale.ROOT, "Money balances: the deviation payments (%s) are the utility's real-time bill"
        + " (%s) plus what the communities' residuals leave with the operator (%s); without VC netting it would keep"
        + " %s, and %s − %s is what the members saved.", Fmt.money(st.deviationPayments()),
        Fmt.money(st.realtimeUtilityBill()), Fmt.money(st.nettingSurplus()), Fmt.money(vc.nettingSurplusAlone()),
        Fmt.money(vc.nettingSurplusAlone()), Fmt.money(st.nettingSurplus())));
    out.file(NETTING, RealtimeCsv.vcNetting(vc));
  }

  @Override
  public void summarize(ObjectNode summary) {
    TwoSettlementResult st = result.settlement();
    ObjectNode n = summary.putObject("vc_game_realtime");
    n.put("deviation_cost", Numbers.clean(st.deviationCost()));
    n.put("deviation_payments", Numbers.clean(st.deviationPayments()));
    n.put("realtime_utility_bill", Numbers.clean(st.realtimeUtilityBill()));
    n.put("netting_surplus", Numbers.clean(st.nettingSurplus()));
    st.vcNetting().ifPresent(vc -> {
      n.put("netting_surplus_alone", Numbers.clean(vc.nettingSurplusAlone()));
      n.put("vc_netting_kwh", Numbers.clean(vc.nettedKwh()));
      n.put("vc_netting_benefit", Numbers.clean(vc.benefit()));
    });
  }

  private static String kwh(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
