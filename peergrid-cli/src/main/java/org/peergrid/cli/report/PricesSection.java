package org.peergrid.cli.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.BusSeries;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.scenario.Scenario;

/** DLMPs over the day: every bus against the tariffs, and the split at the dearest bus. */
final class PricesSection implements ReportSection {
  static final String DAY = "dlmp_day";
  static final String SPLIT = "dlmp_split";
  static final String PRICES = "prices.csv";
  static final String[] DAY_HEADER = {"interval", "start_h", "import_tariff", "export_tariff", "dlmp_min",
    "dlmp_min_bus", "dlmp_max", "dlmp_max_bus"};
  static final String[] SPLIT_HEADER = {"interval", "bus", "dlmp", "energy", "voltage", "congestion"};

  @Override
  public String id() {
    return "prices";
  }

  @Override
  public String title() {
    return "Prices over the day (DLMPs)";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    Scenario s = run.scenario();
    RadialNetwork net = s.network().radial();
    LocationalPrices p = run.solution().prices();
    int dearest = dearestBus(p);
    out.paragraph("A bus's DLMP is what one more kWh of load there costs the community in that interval. It equals"
        + " the substation's price (the energy part: the import tariff while the feeder imports, the export tariff"
        + " while it exports) plus a voltage part and a congestion part where a limit binds. Buses whose lines"
        + " leave the grey band are where the network limits the market.");
    out.beginRow();
    out.chart(DAY, dayChart(run, net, p), 660, 400, "DLMP of every bus (grey), the lowest and highest, and the"
        + " tariffs.", DAY + ".csv", PRICES);
    out.chart(SPLIT, splitChart(run, p, dearest), 660, 400, "The DLMP split at bus " + net.busNumber(dearest)
        + ", where the network adds most to the substation's price.", SPLIT + ".csv");
    out.endRow();
    out.file(PRICES, ReportCsv.prices(s, run.solution()));
    out.file(DAY + ".csv", ReportCsv.csv(DAY_HEADER, csv -> {
      for (int t = 0; t < s.horizon().intervals(); t++) {
        int lo = 0;
        int hi = 0;
        for (int k = 0; k < net.busCount(); k++) {
          lo = p.dlmp().get(t, k) < p.dlmp().get(t, lo) ? k : lo;
          hi = p.dlmp().get(t, k) > p.dlmp().get(t, hi) ? k : hi;
        }
        csv.printRecord(t, Numbers.plain(t * s.horizon().hours()), Numbers.plain(s.tariff().importPrice().get(t)),
            Numbers.plain(s.tariff().exportPrice().get(t)), Numbers.plain(p.dlmp().get(t, lo)), net.busNumber(lo),
            Numbers.plain(p.dlmp().get(t, hi)), net.busNumber(hi));
      }
    }));
    out.file(SPLIT + ".csv", ReportCsv.csv(SPLIT_HEADER, csv -> {
      for (int t = 0; t < s.horizon().intervals(); t++) {
        csv.printRecord(t, net.busNumber(dearest), Numbers.plain(p.dlmp().get(t, dearest)),
            Numbers.plain(p.energy().get(t, dearest)), Numbers.plain(p.voltage().get(t, dearest)),
            Numbers.plain(p.congestion().get(t, dearest)));
      }
    }));
  }

  /**
   * The bus whose DLMP rises furthest above the substation's price in some interval (the lowest
   * index on ties: the root when no limit binds). Its split shows what the network adds.
   */
  static int dearestBus(LocationalPrices p) {
    int best = 0;
    double max = 1e-9;
    for (int k = 0; k < p.dlmp().buses(); k++) {
      for (int t = 0; t < p.dlmp().intervals(); t++) {
        double network = p.dlmp().get(t, k) - p.energy().get(t, k);
        if (network > max + 1e-9) {
          max = network;
          best = k;
        }
      }
    }
    return best;
  }

  private static JFreeChart dayChart(RunResults run, RadialNetwork net, LocationalPrices p) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYStepRenderer r = new XYStepRenderer();
    int i = 0;
    for (int k = 0; k < net.busCount(); k++, i++) {
      int bus = k;
      data.addSeries(DaySeries.steps("bus " + net.busNumber(k), run, t -> p.dlmp().get(t, bus)));
      r.setSeriesPaint(i, Charts.MUTED);
      r.setSeriesStroke(i, Charts.THIN);
      r.setSeriesVisibleInLegend(i, false);
    }
    Scenario s = run.scenario();
    data.addSeries(DaySeries.steps("import tariff", run, t -> s.tariff().importPrice().get(t)));
    r.setSeriesPaint(i, Color.BLACK);
    r.setSeriesStroke(i++, Charts.DASHED);
    data.addSeries(DaySeries.steps("export tariff", run, t -> s.tariff().exportPrice().get(t)));
    r.setSeriesPaint(i, new Color(0x777777));
    r.setSeriesStroke(i++, Charts.DASHED);
    data.addSeries(DaySeries.steps("lowest DLMP", run, t -> rowMin(p.dlmp(), t)));
    r.setSeriesPaint(i, Charts.colour(0));
    r.setSeriesStroke(i++, Charts.LINE);
    data.addSeries(DaySeries.steps("highest DLMP", run, t -> rowMax(p.dlmp(), t)));
    r.setSeriesPaint(i, Charts.colour(1));
    r.setSeriesStroke(i, Charts.LINE);
    NumberAxis y = new NumberAxis("price" + run.money() + "/kWh");
    y.setAutoRangeIncludesZero(false);
    return new JFreeChart(new XYPlot(data, DaySeries.hoursAxis(run), y, r));
  }

  private static JFreeChart splitChart(RunResults run, LocationalPrices p, int bus) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int t = 0; t < run.scenario().horizon().intervals(); t++) {
      String when = run.clock(t);
      data.addValue(p.energy().get(t, bus), "energy", when);
      data.addValue(p.voltage().get(t, bus), "voltage", when);
      data.addValue(p.congestion().get(t, bus), "congestion", when);
    }
    StackedBarRenderer r = new StackedBarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesPaint(0, new Color(0x9DB7D5));
    r.setSeriesPaint(1, Charts.colour(2));
    r.setSeriesPaint(2, Charts.colour(1));
    r.setItemMargin(0);
    CategoryAxis x = new CategoryAxis("interval start");
    x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
    x.setCategoryMargin(0.15);
    CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis("DLMP" + run.money() + "/kWh"), r);
    return new JFreeChart(plot);
  }

  private static double rowMin(BusSeries s, int t) {
    double m = Double.POSITIVE_INFINITY;
    for (int k = 0; k < s.buses(); k++) {
      m = Math.min(m, s.get(t, k));
    }
    return m;
  }

  private static double rowMax(BusSeries s, int t) {
    double m = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < s.buses(); k++) {
      m = Math.max(m, s.get(t, k));
    }
    return m;
  }
}
