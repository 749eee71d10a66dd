package org.peergrid.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.RealtimeCsv;
import org.peergrid.cli.RealtimeSummaryJson;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.realtime.ParticipantRealtimeCost;
import org.peergrid.market.realtime.RealtimeResult;
import org.peergrid.market.realtime.TwoSettlementResult;

/** The real-time stage's results: what the deviations cost whom, whether money balances, and the voltages of the actual day. */
final class RealtimeSection implements ReportSection {
  static final String COSTS = "realtime_costs";
  static final String VOLTAGE = "realtime_voltage";
  static final String TRACE = "realtime_voltage_trace.csv";
  static final String VIOLATIONS = "realtime_violations.csv";
  static final String[] VOLTAGE_HEADER = {"interval", "start_h", "realtime_vmin_pu", "realtime_vmin_bus",
    "dayahead_vmin_pu"};

  private final RealtimeResult result;
  private final String actuals;

  /** @param actuals where the actual day came from, as reports say it */
  RealtimeSection(RealtimeResult result, String actuals) {
    this.result = result;
    this.actuals = actuals;
  }

  @Override
  public String id() {
    return "realtime";
  }

  @Override
  public String title() {
    return "Real time";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    TwoSettlementResult st = result.settlement();
    AcCheckResult ac = result.acCheck();
    out.paragraph(String.format(Locale.ROOT, "The day as it actually happens, actual load and generation %s: the"
        + " batteries are re-dispatched interval by interval over the rest of the day (%d of %d intervals), each"
        + " participant's deviation from its day-ahead position is settled at real-time prices, and every interval"
        + " goes through the AC power flow (docs/realtime.md).", actuals, result.realized().redispatched(),
        result.realized().intervals().size()));
    out.tiles(tiles(run, st, ac));
    out.beginRow();
    out.chart(COSTS, costChart(run, st), 660, 400, "Each participant's cost: day ahead and after real time"
        + " (day-ahead cost plus its deviations at real-time prices).", COSTS + ".csv");
    out.chart(VOLTAGE, voltageChart(run, ac), 660, 400, "Lowest AC voltage in each interval: the day as it"
        + " happened against the day-ahead schedule, with the lower limit.", VOLTAGE + ".csv", TRACE);
    out.endRow();
    out.note(String.format(Locale.ROOT, "Money balances: the deviation payments (%s) are the utility's real-time"
        + " bill for the community's net deviation (%s) plus what netting inside the community leaves with the"
        + " operator (%s).", Fmt.money(st.deviationPayments()), Fmt.money(st.realtimeUtilityBill()),
        Fmt.money(st.nettingSurplus())));
    AcCheckSection.violations(run, ac, VIOLATIONS, out);
    out.file(COSTS + ".csv", RealtimeCsv.costs(st));
    out.file(TRACE, RealtimeCsv.voltages(result.traces()));
    AcCheckResult dayAhead = run.day().acCheck().orElseThrow();
    out.file(VOLTAGE + ".csv", ReportCsv.csv(VOLTAGE_HEADER, csv -> {
      for (int t = 0; t < ac.intervals().size(); t++) {
        csv.printRecord(t, Numbers.plain(t * run.scenario().horizon().hours()),
            Numbers.plain(ac.intervals().get(t).vmin().pu()), ac.intervals().get(t).vmin().bus(),
            Numbers.plain(dayAhead.intervals().get(t).vmin().pu()));
      }
    }));
  }

  private Map<String, String> tiles(RunResults run, TwoSettlementResult st, AcCheckResult ac) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("buildings pay day ahead" + run.money(), Fmt.money(st.dayAheadCost()));
    t.put("after real time" + run.money(), Fmt.money(st.realtimeCost()));
    t.put("deviations cost" + run.money(), Fmt.money(st.deviationCost()));
    ac.vmin().ifPresent(v -> t.put("lowest AC voltage (bus " + v.bus() + ", " + run.clock(v.interval()) + ")",
        Fmt.fixed(v.pu(), 4) + " p.u."));
    t.put("AC violations (voltage, branch)", ac.voltageViolations() + ", " + ac.branchViolations());
    return t;
  }

  private static JFreeChart costChart(RunResults run, TwoSettlementResult st) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ParticipantRealtimeCost c : st.participants()) {
      data.addValue(c.dayAheadCost(), "day ahead", c.participant());
      data.addValue(c.realtimeCost(), "after real time", c.participant());
    }
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, Charts.colour(0));
    r.setSeriesPaint(1, Charts.colour(1));
    r.setItemMargin(0);
    CategoryAxis x = new CategoryAxis("participant");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    return new JFreeChart(new CategoryPlot(data, x, new NumberAxis("cost" + run.money()), r));
  }

  private static JFreeChart voltageChart(RunResults run, AcCheckResult ac) {
    AcCheckResult dayAhead = run.day().acCheck().orElseThrow();
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(DaySeries.steps("real time (AC)", run, t -> ac.intervals().get(t).vmin().pu()));
    data.addSeries(DaySeries.steps("day-ahead schedule (AC)", run, t -> dayAhead.intervals().get(t).vmin().pu()));
    XYStepRenderer r = new XYStepRenderer();
    r.setSeriesPaint(0, Charts.colour(1));
    r.setSeriesStroke(0, Charts.LINE);
    r.setSeriesPaint(1, Charts.colour(0));
    r.setSeriesStroke(1, Charts.DASHED);
    NumberAxis y = new NumberAxis("lowest voltage [p.u.]");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, DaySeries.hoursAxis(run), y, r);
    ValueMarker limit = new ValueMarker(run.scenario().network().vminPu(), Charts.MUTED, Charts.DASHED);
    plot.addRangeMarker(limit);
    return new JFreeChart(plot);
  }

  @Override
  public void summarize(ObjectNode summary) {
    summary.set("realtime", RealtimeSummaryJson.node(result.actual(), "OPTIMAL", null, actuals,
        RealtimeRunStage.DAY_AHEAD_SOURCE, Optional.of(result)));
  }
}
