package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcInterval;
import org.peergrid.market.accheck.AcViolation;
import org.peergrid.market.scenario.NetworkSettings;

/** The schedule through the AC power flow: voltages, losses and the limits the linear model missed. */
final class AcCheckSection implements ReportSection {
  static final String PROFILE = "ac_voltage_profile";
  static final String DAY = "ac_day";
  static final String AC_CHECK = "ac_check.csv";
  static final String VIOLATIONS = "violations.csv";
  static final String[] PROFILE_HEADER = {"interval", "bus", "ac_vm_pu", "lindistflow_vm_pu"};
  private static final int SHOWN_VIOLATIONS = 15;

  @Override
  public String id() {
    return "ac-check";
  }

  @Override
  public String title() {
    return "AC check";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    AcCheckResult ac = run.day().acCheck().orElseThrow();
    NetworkSettings net = run.scenario().network();
    RadialNetwork radial = net.radial();
    int t = run.profileInterval();
    out.paragraph(String.format(java.util.Locale.ROOT, "Every interval's schedule goes through the full AC power"
        + " flow. LinDistFlow, the market's network model, leaves out the losses, so a voltage limit that binds in"
        + " the market is usually broken by a little in AC: that gap is what this check measures. Losses over the"
        + " day: %s kWh; %d voltage and %d branch violations.", Fmt.fixed(ac.lossesKwh(), 1), ac.voltageViolations(),
        ac.branchViolations()));
    out.beginRow();
    out.chart(PROFILE, profileChart(run, radial, net, t), 660, 380, "Voltage at every bus at " + run.clock(t)
        + " (interval " + t + ", the day's lowest AC voltage), AC and LinDistFlow, with the limits.",
        PROFILE + ".csv");
    out.chart(DAY, dayChart(run, ac, net), 660, 380, "Lowest AC voltage (left axis) and losses (right axis) in each"
        + " interval.", AC_CHECK);
    out.endRow();
    violations(run, ac, VIOLATIONS, out);
    out.file(AC_CHECK, ReportCsv.acCheck(ac));
    var lin = run.solution().network().voltagePu();
    out.file(PROFILE + ".csv", ReportCsv.csv(PROFILE_HEADER, csv -> {
      for (int k : busOrder(radial)) {
        csv.printRecord(t, radial.busNumber(k), Numbers.plain(run.profilePu()[k]), Numbers.plain(lin.get(t, k)));
      }
    }));
  }

  /** Internal indices sorted by bus number, the x axis of a voltage profile. */
  /** The first violations as a table, all of them in {@code file} (the real-time section shows its own). */
  static void violations(RunResults run, AcCheckResult ac, String file, SectionWriter out) {
    if (ac.violations().isEmpty()) {
      out.paragraph("No limit is broken in AC.");
    } else {
      List<List<String>> rows = new ArrayList<>();
      for (AcViolation v : ac.violations().subList(0, Math.min(SHOWN_VIOLATIONS, ac.violations().size()))) {
        rows.add(List.of(run.clock(v.interval()), v.kind().name().toLowerCase().replace('_', ' '), v.element(),
            Fmt.fixed(v.value(), 4), Fmt.fixed(v.limit(), 4), Fmt.fixed(v.excess(), 6), v.kind().unit()));
      }
      out.table(List.of("interval", "limit", "where", "AC value", "limit", "excess", "unit"), rows);
      if (ac.violations().size() > SHOWN_VIOLATIONS) {
        out.note("… and " + (ac.violations().size() - SHOWN_VIOLATIONS) + " more in " + file + ".");
      }
    }
    out.file(file, ReportCsv.violations(ac));
  }

  private static List<Integer> busOrder(RadialNetwork radial) {
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < radial.busCount(); k++) {
      order.add(k);
    }
    order.sort(java.util.Comparator.comparingInt(radial::busNumber));
    return order;
  }

  private static JFreeChart profileChart(RunResults run, RadialNetwork radial, NetworkSettings net, int t) {
    XYSeries acV = new XYSeries("AC power flow", false, true);
    XYSeries linV = new XYSeries("LinDistFlow (market)", false, true);
    for (int k : busOrder(radial)) {
      acV.add(radial.busNumber(k), run.profilePu()[k]);
      linV.add(radial.busNumber(k), run.solution().network().voltagePu().get(t, k));
    }
    XYSeriesCollection data = new XYSeriesCollection(acV);
    data.addSeries(linV);
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setSeriesPaint(0, Charts.colour(0));
    r.setSeriesPaint(1, Charts.colour(1));
    r.setSeriesStroke(0, Charts.LINE);
    r.setSeriesStroke(1, Charts.DASHED);
    r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
    r.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5));
    NumberAxis y = new NumberAxis("voltage [p.u.]");
    y.setAutoRangeIncludesZero(false);
    NumberAxis x = new NumberAxis("bus");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYPlot plot = new XYPlot(data, x, y, r);
    plot.addRangeMarker(limitMarker(net.vminPu(), "Vmin"));
    double lowest = Math.min(acV.getMinY(), linV.getMinY());
    y.setRange(Math.min(lowest, net.vminPu()) - 0.005, Math.max(acV.getMaxY(), linV.getMaxY()) + 0.005);
    return new JFreeChart(plot);
  }

  private static JFreeChart dayChart(RunResults run, AcCheckResult ac, NetworkSettings net) {
    List<AcInterval> intervals = ac.intervals();
    XYSeriesCollection volts = new XYSeriesCollection(DaySeries.steps("lowest AC voltage [p.u.]", run,
        t -> intervals.get(t).vmin().pu()));
    XYSeriesCollection losses = new XYSeriesCollection(DaySeries.steps("losses [kW]", run,
        t -> intervals.get(t).lossesKw()));
    XYStepRenderer vr = new XYStepRenderer();
    vr.setSeriesPaint(0, Charts.colour(0));
    vr.setSeriesStroke(0, Charts.LINE);
    XYStepRenderer lr = new XYStepRenderer();
    lr.setSeriesPaint(0, Charts.colour(1));
    lr.setSeriesStroke(0, Charts.LINE);
    NumberAxis v = new NumberAxis("lowest voltage [p.u.]");
    v.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(volts, DaySeries.hoursAxis(run), v, vr);
    NumberAxis kw = new NumberAxis("losses [kW]");
    plot.setRangeAxis(1, kw);
    plot.setDataset(1, losses);
    plot.setRenderer(1, lr);
    plot.mapDatasetToRangeAxis(1, 1);
    plot.addRangeMarker(limitMarker(net.vminPu(), "Vmin"));
    return new JFreeChart(plot);
  }

  private static ValueMarker limitMarker(double value, String label) {
    ValueMarker m = new ValueMarker(value, new java.awt.Color(0xC0392B), Charts.DASHED);
    m.setLabel(label + " " + value);
    m.setLabelFont(Charts.SMALL);
    m.setLabelPaint(new java.awt.Color(0xC0392B));
    m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
    m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
    return m;
  }
}
