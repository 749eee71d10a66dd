package org.peergrid.cli.report;

import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.dispatch.ParticipantSchedule;
import org.peergrid.market.scenario.ElectricVehicle;

/**
 * Each EV's stored energy over the day, drawn only while it is plugged in, with its departure
 * energy marked: whether every car leaves with what it needs, and when it charged. Apart from the
 * batteries because an EV's energy is 0 while it is away, which on their % scale would look like an
 * empty battery, and because its target is a level at one moment, not a band.
 */
final class EvSection implements ReportSection {
  static final String NAME = "ev_energy";
  static final String[] HEADER = {"interval", "end_h", "ev", "bus", "plugged_in", "charge_kw", "v2g_kw",
    "energy_kwh", "departs", "departure_energy_kwh"};

  @Override
  public String id() {
    return "evs";
  }

  @Override
  public String title() {
    return "Electric vehicles";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return run.scheduled() && !run.scenario().vehicles().isEmpty();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    List<ElectricVehicle> evs = run.scenario().vehicles();
    out.paragraph("Energy in each car's battery at the end of each interval while it is plugged in, from its"
        + " arrival energy; the line breaks while the car is away. The dot is the energy the car must hold when it"
        + " leaves: the line's end at departure is on or above it. An overnight session runs past midnight and"
        + " continues from 0 h (the day is read as repeating).");
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < evs.size(); i++) {
      ElectricVehicle ev = evs.get(i);
      data.addSeries(energy(ev, run));
      data.addSeries(target(ev, run));
      r.setSeriesPaint(2 * i, Charts.colour(i));
      r.setSeriesStroke(2 * i, Charts.LINE);
      r.setSeriesPaint(2 * i + 1, Charts.colour(i));
      r.setSeriesLinesVisible(2 * i + 1, false);
      r.setSeriesShapesVisible(2 * i + 1, true);
      r.setSeriesShape(2 * i + 1, new Ellipse2D.Double(-5, -5, 10, 10));
      r.setSeriesVisibleInLegend(2 * i + 1, false);
    }
    XYPlot plot = new XYPlot(data, DaySeries.hoursAxis(run), new NumberAxis("energy stored [kWh]"), r);
    out.chart(NAME, new JFreeChart(plot), 1300, 380, "Energy of every EV while plugged in; dots: departure energy.",
        NAME + ".csv");
    out.file(NAME + ".csv", csv(evs, run));
  }

  /**
   * Points at interval boundaries: at boundary k the energy at the end of interval k−1 when the car
   * was plugged in then (k = 0 reads interval n−1: the energy carried over midnight), the arrival
   * energy at the arrival, and a gap (null) otherwise, which breaks the line.
   */
  private static XYSeries energy(ElectricVehicle ev, RunResults run) {
    int n = run.scenario().horizon().intervals();
    double h = run.scenario().horizon().hours();
    ParticipantSchedule x = run.solution().schedule(ev.id());
    XYSeries s = new XYSeries(ev.id() + " (bus " + ev.bus() + ")", false, true);
    for (int k = 0; k <= n; k++) {
      int before = Math.floorMod(k - 1, n);
      if (ev.pluggedIn(before, n) && !(k == 0 && ev.departure() == n)) {
        s.add(k * h, x.socKwh().get(before));
      } else if (k == ev.arrival()) {
        s.add(k * h, ev.arrivalEnergyKwh());
      } else {
        s.add(k * h, null);
      }
    }
    return s;
  }

  private static XYSeries target(ElectricVehicle ev, RunResults run) {
    XYSeries s = new XYSeries(ev.id() + " departure", false, true);
    s.add(ev.departure() * run.scenario().horizon().hours(), ev.departureEnergyKwh());
    return s;
  }

  private static String csv(List<ElectricVehicle> evs, RunResults run) {
    int n = run.scenario().horizon().intervals();
    double h = run.scenario().horizon().hours();
    return ReportCsv.csv(HEADER, csv -> {
      for (int t = 0; t < n; t++) {
        for (ElectricVehicle ev : evs) {
          ParticipantSchedule x = run.solution().schedule(ev.id());
          boolean last = Math.floorMod(ev.departure() - 1, n) == t;
          csv.printRecord(t, Numbers.plain((t + 1) * h), ev.id(), ev.bus(), ev.pluggedIn(t, n) ? 1 : 0,
              Numbers.plain(x.chargeKw().get(t)), Numbers.plain(x.dischargeKw().get(t)),
              Numbers.plain(x.socKwh().get(t)), last ? 1 : 0, last ? Numbers.plain(ev.departureEnergyKwh()) : "");
        }
      }
    });
  }
}
