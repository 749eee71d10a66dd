package org.peergrid.cli.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;

/** What the feeder buys from and sells to the utility, beside the community's load and generation. */
final class GridSection implements ReportSection {
  static final String NAME = "grid";
  static final String SCHEDULE = "schedule.csv";
  static final String[] HEADER = {"interval", "start_h", "grid_import_kw", "grid_export_kw", "ac_source_kw",
    "ac_losses_kw", "building_load_kw", "renewable_kw", "dg_kw"};

  @Override
  public String id() {
    return "grid";
  }

  @Override
  public String title() {
    return "Grid import and export";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    Scenario s = run.scenario();
    DispatchSolution sol = run.solution();
    AcCheckResult ac = run.day().acCheck().orElseThrow();
    double h = s.horizon().hours();
    out.paragraph(String.format(java.util.Locale.ROOT, "Power at the substation, the feeder's background load"
        + " included: the schedule imports %s kWh and exports %s kWh over the day. The AC power flow's source power"
        + " adds the losses that the linear model leaves out. The buildings' load and renewable output show what"
        + " drives it.", Fmt.fixed(sol.gridImportKwh(h), 0), Fmt.fixed(sol.gridExportKwh(h), 0)));
    XYSeriesCollection data = new XYSeriesCollection();
    XYStepRenderer r = new XYStepRenderer();
    data.addSeries(DaySeries.steps("grid import (schedule)", run, t -> sol.gridImportKw().get(t)));
    data.addSeries(DaySeries.steps("grid export (schedule)", run, t -> sol.gridExportKw().get(t)));
    data.addSeries(DaySeries.steps("substation power in AC", run, t -> ac.intervals().get(t).sourceKw()));
    data.addSeries(DaySeries.steps("buildings' load", run, t -> buildingLoad(s, sol, t)));
    data.addSeries(DaySeries.steps("PV + wind output", run, t -> renewable(s, sol, t)));
    data.addSeries(DaySeries.steps("DG output", run, t -> dg(s, sol, t)));
    Color[] colours = {Charts.PALETTE[0], Charts.PALETTE[1], Color.BLACK, Charts.PALETTE[3], Charts.PALETTE[4],
      Charts.PALETTE[2]};
    for (int i = 0; i < colours.length; i++) {
      r.setSeriesPaint(i, colours[i]);
      r.setSeriesStroke(i, i == 2 ? Charts.DASHED : Charts.LINE);
    }
    out.chart(NAME, new JFreeChart(new XYPlot(data, DaySeries.hoursAxis(run), new NumberAxis("power [kW]"), r)),
        1300, 400, "Grid import and export at the substation, with the community's load and generation.",
        NAME + ".csv", SCHEDULE);
    out.file(SCHEDULE, ReportCsv.schedule(s, sol));
    out.file(NAME + ".csv", ReportCsv.csv(HEADER, csv -> {
      for (int t = 0; t < s.horizon().intervals(); t++) {
        csv.printRecord(t, Numbers.plain(t * h), Numbers.plain(sol.gridImportKw().get(t)),
            Numbers.plain(sol.gridExportKw().get(t)), Numbers.plain(ac.intervals().get(t).sourceKw()),
            Numbers.plain(ac.intervals().get(t).lossesKw()), Numbers.plain(buildingLoad(s, sol, t)),
            Numbers.plain(renewable(s, sol, t)), Numbers.plain(dg(s, sol, t)));
      }
    }));
  }

  /** Fixed load plus the shiftable load served [kW]. */
  private static double buildingLoad(Scenario s, DispatchSolution sol, int t) {
    double kw = 0;
    for (Building b : s.buildings()) {
      kw += b.loadKw().get(t) + sol.schedule(b.id()).shiftedKw().get(t);
    }
    return kw;
  }

  /** PV + wind after curtailment [kW]. */
  private static double renewable(Scenario s, DispatchSolution sol, int t) {
    return s.buildings().stream().mapToDouble(b -> sol.schedule(b.id()).generationKw().get(t)).sum();
  }

  private static double dg(Scenario s, DispatchSolution sol, int t) {
    double kw = 0;
    for (Participant p : s.participants()) {
      if (p instanceof DistributedGenerator) {
        kw += sol.schedule(p.id()).generationKw().get(t);
      }
    }
    return kw;
  }
}
