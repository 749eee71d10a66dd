package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.vc.GameRound;
import org.peergrid.market.vc.TradeRow;
import org.peergrid.market.vc.VcCoopClearing;
import org.peergrid.market.vc.VcCoopResult;
import org.peergrid.market.vc.VirtualCommunity;

/**
 * The virtual-community game's results: the communities and their members, the B2B / B2C / C2C
 * and substation energy per interval, and how the game converged (rounds, messages, residuals, the
 * gap to the central optimum, the AC correction).
 */
final class VcCoopSection implements ReportSection {
  static final String NAME = "vc_trades";
  static final String[] HEADER = {"interval", "start_h", "b2b_kwh", "b2c_kwh", "c2c_kwh", "substation_kwh"};
  private final VcCoopClearing vc;

  VcCoopSection(VcCoopClearing vc) {
    this.vc = vc;
  }

  @Override
  public String id() {
    return "vc-coop";
  }

  @Override
  public String title() {
    return "Virtual communities: the cooperative optimum by decomposition (vc-coop)";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return vc.game().isPresent() && vc.clearing().dispatch().solution().isPresent();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    VcCoopResult g = vc.game().orElseThrow();
    out.paragraph("The cooperative optimum of the same day, reached by decomposition and split by bargaining (vc-coop, docs/vc-coop.md): buildings"
        + " grouped into virtual communities answer the DSO's prices with their own best schedules, and the DSO's"
        + " master mixes the answers into the community's optimum (Dantzig–Wolfe); no payoff depends on another"
        + " player's choice, so this is not an equilibrium of a game. Only prices and quantities are exchanged."
        + vc.acCorrection().map(n -> " The DSO tightened its limits until the schedule passed the AC check: " + n
            + ".").orElse(""));
    Map<String, String> tiles = new LinkedHashMap<>();
    tiles.put("communities", Integer.toString(g.grouping().communities().size()));
    tiles.put("rounds", Integer.toString(g.iterations()) + (g.converged() ? "" : " (not converged)"));
    tiles.put("messages", String.format(Locale.ROOT, "%,d", g.messages()));
    tiles.put("gap to central", vc.gapToCentralPct().isPresent()
        ? String.format(Locale.ROOT, "%.2e %%", vc.gapToCentralPct().getAsDouble()) : "–");
    out.tiles(tiles);
    List<List<String>> members = new ArrayList<>();
    for (VirtualCommunity c : g.grouping().communities()) {
      members.add(List.of(c.id(), Integer.toString(c.members().size()), String.join(", ", c.members())));
    }
    out.foldedTable("Communities and members", List.of("community", "size", "members"), members);
    int intervals = run.scenario().horizon().intervals();
    out.chart(NAME, chart(run), 1300, 380, "Energy traded per interval: building to building inside a community"
        + " (B2B), between buildings and their coordinator (B2C), between communities (C2C), and at the substation.",
        NAME + ".csv");
    out.file(NAME + ".csv", csv(vc.trades(), intervals, run.scenario().horizon().hours()));
    List<List<String>> rounds = new ArrayList<>();
    for (GameRound r : g.rounds()) {
      rounds.add(List.of(Integer.toString(r.iteration()), Fmt.money(r.cost()), String.format(Locale.ROOT, "%.2e",
          r.relativeGap()), String.format(Locale.ROOT, "%.2e", r.slackKwh())));
    }
    out.foldedTable("Rounds of the last game: cost, dual and primal residuals", List.of("round", "cost" + run.money(),
        "dual residual (relative)", "primal residual [kWh]"), rounds);
  }

  private JFreeChart chart(RunResults run) {
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(DaySeries.steps("B2B", run, t -> sum(t, TradeRow::b2bKwh)));
    data.addSeries(DaySeries.steps("B2C", run, t -> sum(t, r -> r.b2cBuyKwh() + r.b2cSellKwh())));
    data.addSeries(DaySeries.steps("C2C", run, t -> sum(t, TradeRow::c2cBuyKwh)));
    data.addSeries(DaySeries.steps("substation", run, t -> sum(t, r -> r.rootBuyKwh() + r.rootSellKwh())));
    XYStepRenderer r = new XYStepRenderer();
    for (int i = 0; i < 4; i++) {
      r.setSeriesPaint(i, Charts.PALETTE[i]);
      r.setSeriesStroke(i, Charts.LINE);
    }
    return new JFreeChart(new XYPlot(data, DaySeries.hoursAxis(run), new NumberAxis("energy [kWh]"), r));
  }

  /**
   * vc_trades.csv: the energy per interval summed over communities; also what {@code run} writes for
   * vc-coop on a three-phase feeder ({@link ThreePhaseRunReport}).
   *
   * @param hours the length of an interval [h]
   */
  static String csv(List<TradeRow> trades, int intervals, double hours) {
    return ReportCsv.csv(HEADER, csv -> {
      for (int t = 0; t < intervals; t++) {
        csv.printRecord(t, Numbers.plain(t * hours), Numbers.plain(sum(trades, t, TradeRow::b2bKwh)),
            Numbers.plain(sum(trades, t, r -> r.b2cBuyKwh() + r.b2cSellKwh())),
            Numbers.plain(sum(trades, t, TradeRow::c2cBuyKwh)),
            Numbers.plain(sum(trades, t, r -> r.rootBuyKwh() + r.rootSellKwh())));
      }
    });
  }

  /** Σ over communities of one interval's trades. */
  private double sum(int t, ToDoubleFunction<TradeRow> value) {
    return sum(vc.trades(), t, value);
  }

  private static double sum(List<TradeRow> trades, int t, ToDoubleFunction<TradeRow> value) {
    return trades.stream().filter(r -> r.interval() == t).mapToDouble(value).sum();
  }
}
