package org.peergrid.cli.report;

import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.function.Function;
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
import org.peergrid.market.scenario.Horizon;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ParticipantDay;

/**
 * Each EV's stored energy over the day, drawn only while it is plugged in, with its departure
 * energy marked: whether every car leaves with what it needs, and when it charged. Apart from the
 * batteries because an EV's energy is 0 while it is away, which on their % scale would look like an
 * empty battery, and because its target is a level at one moment, not a band. The same section and file
 * serve a three-phase run ({@link ThreePhaseRunReport}), through {@link Fleet}.
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

  /**
   * What the section draws, whichever model cleared the day: the horizon, the EVs in file order, each EV's
   * bus as the scenario names it (a MATPOWER bus number, an OpenDSS bus name; {@link ElectricVehicle#bus()}
   * is a bus index on a three-phase feeder) and each EV's day by id.
   */
  record Fleet(Horizon horizon, List<ElectricVehicle> vehicles, Function<ElectricVehicle, String> bus,
      Function<String, Day> day) {

    /** A MATPOWER run's EVs and their schedules. */
    static Fleet of(RunResults run) {
      return new Fleet(run.scenario().horizon(), run.scenario().vehicles(), ev -> Integer.toString(ev.bus()), id -> {
        ParticipantSchedule x = run.solution().schedule(id);
        return new Day(x.chargeKw().values(), x.dischargeKw().values(), x.socKwh().values());
      });
    }

    /** A three-phase day's EVs (the day cleared, i.e. optimal). */
    static Fleet of(ThreePhaseScenario s, Function<String, ParticipantDay> participant) {
      return new Fleet(s.horizon(), s.vehicles(), ev -> s.connection(ev.id()).bus(), id -> {
        ParticipantDay x = participant.apply(id);
        return new Day(x.chargeKw(), x.dischargeKw(), x.energyKwh());
      });
    }
  }

  /** One EV's charging, V2G and energy at the end of each interval [kW, kW, kWh]. */
  record Day(double[] chargeKw, double[] v2gKw, double[] energyKwh) {}

  @Override
  public void write(RunResults run, SectionWriter out) {
    write(Fleet.of(run), out);
  }

  /** The paragraph, the chart and ev_energy.csv. */
  static void write(Fleet fleet, SectionWriter out) {
    List<ElectricVehicle> evs = fleet.vehicles();
    out.paragraph("Energy in each car's battery at the end of each interval while it is plugged in, from its"
        + " arrival energy; the line breaks while the car is away. The dot is the energy the car must hold when it"
        + " leaves: the line's end at departure is on or above it. An overnight session runs past midnight and"
        + " continues from 0 h (the day is read as repeating).");
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < evs.size(); i++) {
      ElectricVehicle ev = evs.get(i);
      data.addSeries(energy(ev, fleet));
      data.addSeries(target(ev, fleet));
      r.setSeriesPaint(2 * i, Charts.colour(i));
      r.setSeriesStroke(2 * i, Charts.LINE);
      r.setSeriesPaint(2 * i + 1, Charts.colour(i));
      r.setSeriesLinesVisible(2 * i + 1, false);
      r.setSeriesShapesVisible(2 * i + 1, true);
      r.setSeriesShape(2 * i + 1, new Ellipse2D.Double(-5, -5, 10, 10));
      r.setSeriesVisibleInLegend(2 * i + 1, false);
    }
    XYPlot plot = new XYPlot(data, DaySeries.hoursAxis(fleet.horizon()), new NumberAxis("energy stored [kWh]"), r);
    out.chart(NAME, new JFreeChart(plot), 1300, 380, "Energy of every EV while plugged in; dots: departure energy.",
        NAME + ".csv");
    out.file(NAME + ".csv", csv(fleet));
  }

  /**
   * Points at interval boundaries: at boundary k the energy at the end of interval k−1 when the car
   * was plugged in then (k = 0 reads interval n−1: the energy carried over midnight), the arrival
   * energy at the arrival, and a gap (null) otherwise, which breaks the line.
   */
  private static XYSeries energy(ElectricVehicle ev, Fleet fleet) {
    int n = fleet.horizon().intervals();
    double h = fleet.horizon().hours();
    double[] energy = fleet.day().apply(ev.id()).energyKwh();
    XYSeries s = new XYSeries(ev.id() + " (bus " + fleet.bus().apply(ev) + ")", false, true);
    for (int k = 0; k <= n; k++) {
      int before = Math.floorMod(k - 1, n);
      if (ev.pluggedIn(before, n) && !(k == 0 && ev.departure() == n)) {
        s.add(k * h, energy[before]);
      } else if (k == ev.arrival()) {
        s.add(k * h, ev.arrivalEnergyKwh());
      } else {
        s.add(k * h, null);
      }
    }
    return s;
  }

  private static XYSeries target(ElectricVehicle ev, Fleet fleet) {
    XYSeries s = new XYSeries(ev.id() + " departure", false, true);
    s.add(ev.departure() * fleet.horizon().hours(), ev.departureEnergyKwh());
    return s;
  }

  private static String csv(Fleet fleet) {
    int n = fleet.horizon().intervals();
    double h = fleet.horizon().hours();
    return ReportCsv.csv(HEADER, csv -> {
      for (int t = 0; t < n; t++) {
        for (ElectricVehicle ev : fleet.vehicles()) {
          Day x = fleet.day().apply(ev.id());
          boolean last = Math.floorMod(ev.departure() - 1, n) == t;
          csv.printRecord(t, Numbers.plain((t + 1) * h), ev.id(), fleet.bus().apply(ev), ev.pluggedIn(t, n) ? 1 : 0,
              Numbers.plain(x.chargeKw()[t]), Numbers.plain(x.v2gKw()[t]),
              Numbers.plain(x.energyKwh()[t]), last ? 1 : 0, last ? Numbers.plain(ev.departureEnergyKwh()) : "");
        }
      }
    });
  }
}
