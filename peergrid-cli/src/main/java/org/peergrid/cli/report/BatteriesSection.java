package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.Participant;

/** Each battery's state of charge over the day, in % of its capacity so that sizes compare. */
final class BatteriesSection implements ReportSection {
  static final String NAME = "battery_soc";
  static final String[] HEADER = {"interval", "end_h", "battery", "kind", "capacity_kwh", "soc_kwh", "soc_pct"};

  private record Battery(Participant owner, BatterySpec spec) {
    String label() {
      return owner instanceof CommunityBattery ? owner.id() + " (community)" : owner.id();
    }
  }

  @Override
  public String id() {
    return "batteries";
  }

  @Override
  public String title() {
    return "Batteries";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return run.scheduled() && !batteries(run).isEmpty();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    List<Battery> batteries = batteries(run);
    out.paragraph("State of charge at the end of each interval, in % of capacity, from the initial level at 0 h."
        + " A battery that fills when prices are low (solar hours) and empties at the evening peak shifts energy to"
        + " where it is worth most; the dashed band edges are the batteries' limits.");
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < batteries.size(); i++) {
      Battery b = batteries.get(i);
      ParticipantSchedule x = run.solution().schedule(b.owner().id());
      double cap = b.spec().capacityKwh();
      data.addSeries(DaySeries.endOfInterval(b.label(), run, 100 * b.spec().socInitial(),
          t -> 100 * x.socKwh().get(t) / cap));
      r.setSeriesPaint(i, Charts.colour(i));
      r.setSeriesStroke(i, b.owner() instanceof CommunityBattery ? new java.awt.BasicStroke(3.5f) : Charts.LINE);
    }
    NumberAxis y = new NumberAxis("state of charge [% of capacity]");
    y.setRange(0, 100);
    XYPlot plot = new XYPlot(data, DaySeries.hoursAxis(run), y, r);
    batteries.stream().mapToDouble(b -> b.spec().socMin()).min().ifPresent(v -> plot.addRangeMarker(limit(100 * v)));
    batteries.stream().mapToDouble(b -> b.spec().socMax()).max().ifPresent(v -> plot.addRangeMarker(limit(100 * v)));
    out.chart(NAME, new JFreeChart(plot), 1300, 380, "State of charge of every battery (the community battery drawn"
        + " thicker).", NAME + ".csv");
    double h = run.scenario().horizon().hours();
    out.file(NAME + ".csv", ReportCsv.csv(HEADER, csv -> {
      for (int t = 0; t < run.scenario().horizon().intervals(); t++) {
        for (Battery b : batteries) {
          double soc = run.solution().schedule(b.owner().id()).socKwh().get(t);
          csv.printRecord(t, Numbers.plain((t + 1) * h), b.owner().id(),
              b.owner() instanceof CommunityBattery ? "community" : "building", Numbers.plain(b.spec().capacityKwh()),
              Numbers.plain(soc), Numbers.plain(100 * soc / b.spec().capacityKwh()));
        }
      }
    }));
  }

  private static org.jfree.chart.plot.ValueMarker limit(double pct) {
    org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(pct, Charts.MUTED, Charts.DASHED);
    return m;
  }

  private static List<Battery> batteries(RunResults run) {
    List<Battery> list = new ArrayList<>();
    for (Participant p : run.scenario().participants()) {
      if (p instanceof Building b && b.battery().isPresent()) {
        list.add(new Battery(p, b.battery().get()));
      } else if (p instanceof CommunityBattery c) {
        list.add(new Battery(p, c.battery()));
      }
    }
    return list;
  }
}
