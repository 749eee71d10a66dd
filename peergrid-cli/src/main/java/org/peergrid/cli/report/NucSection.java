package org.peergrid.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peergrid.cli.NucCsv;
import org.peergrid.market.nuc.NucClearing;
import org.peergrid.market.nuc.NucIteration;

/**
 * The p2p-nuc loop's results (docs/nuc-ev.md): how it ended, the DSO's revenue (loss charges and
 * surcharges) against its loss cost, every iteration, each participant's charges and saving with
 * and without them, and the trades with their charges (nuc_trades.csv, the columns of
 * {@code clear --mechanism p2p-nuc}'s trades.csv).
 */
final class NucSection implements ReportSection {
  static final String TRADES = "nuc_trades.csv";
  private final NucClearing<?> nuc;

  NucSection(NucClearing<?> nuc) {
    this.nuc = nuc;
  }

  @Override
  public String id() {
    return "p2p-nuc";
  }

  @Override
  public String title() {
    return "P2P trades with network utilization charges";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    out.paragraph("The same day as a P2P market in which the DSO charges each trade for the losses it causes"
        + " (by electrical distance or AC loss sensitivity) and, where a limit is broken in AC, a surcharge; it"
        + " clears again until no limit is broken and the loss charges recover the DSO's loss cost, then relaxes"
        + " the surcharges to the smallest that keep it so (docs/nuc-ev.md). Energy is settled by mid-market rate;"
        + " the charges come on top. " + nuc.loop().message() + ".");
    Map<String, String> tiles = new LinkedHashMap<>();
    tiles.put("iterations", nuc.loop().iterations().size() + (nuc.loop().converged() ? "" : " (not converged)"));
    tiles.put("trades", Integer.toString(nuc.loop().trades().size()));
    tiles.put("DSO revenue" + run.money(), Fmt.money(nuc.loop().revenue()));
    tiles.put("of it surcharges" + run.money(), Fmt.money(nuc.loop().surchargeRevenue()));
    tiles.put("DSO loss cost" + run.money(), Fmt.money(nuc.loop().cost()));
    out.tiles(tiles);
    List<List<String>> iterations = new ArrayList<>();
    for (NucIteration i : nuc.loop().iterations()) {
      iterations.add(List.of(Integer.toString(i.iteration()), i.phase(), Fmt.fixed(i.surchargeScale(), 4),
          Fmt.fixed(i.lossRate(), 4), Fmt.money(i.revenue()), Fmt.money(i.surchargeRevenue()), Fmt.money(i.cost()),
          Integer.toString(i.violations()), Fmt.fixed(i.lossesKwh(), 3),
          String.format(Locale.ROOT, "%.4f..%.4f", i.vminPu(), i.vmaxPu())));
    }
    out.foldedTable("Iterations of the charge loop", List.of("iteration", "phase", "surcharge scale α",
        "loss rate ρ", "revenue" + run.money(), "surcharges" + run.money(), "loss cost" + run.money(),
        "AC violations", "losses [kWh]", "V [p.u.]"), iterations);
    List<List<String>> participants = new ArrayList<>();
    for (Map.Entry<String, Double> e : nuc.savingWith().entrySet()) {
      String id = e.getKey();
      participants.add(List.of(id, Fmt.money(nuc.loop().paid().getOrDefault(id, 0.0)),
          Fmt.money(nuc.savingWithout().getOrDefault(id, Double.NaN)), Fmt.money(e.getValue())));
    }
    out.foldedTable("Charges and savings per participant (against each one alone)", List.of("participant",
        "charges paid" + run.money(), "saving without charges" + run.money(), "saving with charges" + run.money()),
        participants);
    out.note("Every trade of the last clearing with its charges: " + TRADES + " (interval, seller, buyer, kwh,"
        + " weight, loss_charge_per_kwh, surcharge_per_kwh, charge_per_kwh, charge; grid is the utility).");
    out.file(TRADES, NucCsv.trades(nuc.loop().trades()));
  }

  @Override
  public void summarize(ObjectNode summary) {
    ObjectNode n = summary.putObject("p2p_nuc");
    n.put("converged", nuc.loop().converged());
    n.put("message", nuc.loop().message());
    n.put("iterations", nuc.loop().iterations().size());
    n.put("trades", nuc.loop().trades().size());
    n.put("dso_revenue", nuc.loop().revenue());
    n.put("dso_surcharge_revenue", nuc.loop().surchargeRevenue());
    n.put("dso_cost", nuc.loop().cost());
    ObjectNode paid = n.putObject("charges_paid");
    nuc.loop().paid().forEach(paid::put);
  }
}
