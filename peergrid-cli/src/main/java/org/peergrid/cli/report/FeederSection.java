package org.peergrid.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.grid.radial.FeederLayout;
import org.peergrid.grid.radial.RadialNetwork;
import org.peergrid.market.dispatch.LocationalPrices;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Participant;

/** The feeder as a single-line tree, each bus coloured by its DLMP in the price peak interval. */
final class FeederSection implements ReportSection {
  static final String NAME = "feeder_dlmp";
  static final String[] HEADER = {"interval", "bus", "parent_bus", "x", "y", "dlmp", "energy", "voltage",
    "congestion"};

  @Override
  public String id() {
    return "feeder";
  }

  @Override
  public String title() {
    return "The feeder and its prices at the peak";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    RadialNetwork net = run.scenario().network().radial();
    FeederLayout layout = FeederLayout.of(net);
    int t = run.peakInterval();
    LocationalPrices p = run.solution().prices();
    double[] dlmp = new double[net.busCount()];
    int dearest = 0;
    for (int k = 0; k < dlmp.length; k++) {
      dlmp[k] = p.dlmp().get(t, k);
      dearest = dlmp[k] > dlmp[dearest] ? k : dearest;
    }
    out.paragraph(String.format(java.util.Locale.ROOT, "The substation is on the left; each lateral hangs below"
        + " the bus it leaves from. Colours give each bus's DLMP in interval %d (%s), the interval whose prices differ"
        + " most between buses: %.2f%s/kWh at bus %d, against %.2f at the substation.", t, run.clock(t),
        dlmp[dearest], run.money(), net.busNumber(dearest), dlmp[0]));
    int[] parent = new int[net.busCount()];
    String[] names = new String[net.busCount()];
    for (int k = 0; k < parent.length; k++) {
      parent[k] = net.parent(k);
      names[k] = Integer.toString(net.busNumber(k));
    }
    Map<Integer, String> labels = new LinkedHashMap<>();
    for (Participant q : run.scenario().participants()) {
      if (!(q instanceof Building)) {
        labels.merge(net.indexOf(q.bus()), q.id(), (a, b) -> a + ", " + b);
      }
    }
    out.chart(NAME, map(parent, names, layout, dlmp, labels, run.money()), 1300, height(layout),
        "Feeder " + net.feeder().name() + ", DLMP at " + run.clock(t) + "; labels: DG = distributed generator,"
            + " CB = community battery (participant ids).", NAME + ".csv");
    out.file(NAME + ".csv", ReportCsv.csv(HEADER, csv -> {
      for (int k = 0; k < net.busCount(); k++) {
        csv.printRecord(t, net.busNumber(k), k == 0 ? "" : net.busNumber(net.parent(k)), layout.column(k),
            layout.row(k), Numbers.plain(dlmp[k]), Numbers.plain(p.energy().get(t, k)),
            Numbers.plain(p.voltage().get(t, k)), Numbers.plain(p.congestion().get(t, k)));
      }
    }));
  }

  /** The map's height in pixels for that layout. */
  static int height(FeederLayout layout) {
    return Math.max(300, 150 + 70 * layout.rows());
  }

  /**
   * The feeder as a single-line tree, each bus a marker coloured by its value; also the three-phase
   * run's map ({@link ThreePhaseRunReport}).
   *
   * @param parent each bus's parent, -1 at the root (index 0), parents first
   * @param names each bus's label
   * @param labels participants' ids to write under their bus, by bus index
   * @param money the currency as the report writes it after a label
   */
  static JFreeChart map(int[] parent, String[] names, FeederLayout layout, double[] dlmp, Map<Integer, String> labels,
      String money) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : dlmp) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    ColourScale scale = new ColourScale(min, max);
    // Branches: one series each, drawn as an elbow (down from the parent, then across), grey, no legend.
    XYSeriesCollection branches = new XYSeriesCollection();
    for (int k = 1; k < parent.length; k++) {
      int up = parent[k];
      XYSeries s = new XYSeries("branch " + k, false, true);
      s.add(layout.column(up), layout.row(up));
      s.add(layout.column(up), layout.row(k));
      s.add(layout.column(k), layout.row(k));
      branches.addSeries(s);
    }
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
    lines.setDefaultPaint(new Color(0x7A7A7A));
    lines.setDefaultStroke(new java.awt.BasicStroke(2.5f));
    lines.setAutoPopulateSeriesPaint(false);
    lines.setAutoPopulateSeriesStroke(false);
    lines.setDefaultSeriesVisibleInLegend(false);

    XYSeries buses = new XYSeries("buses", false, true);
    for (int k = 0; k < parent.length; k++) {
      buses.add(layout.column(k), layout.row(k));
    }
    XYLineAndShapeRenderer markers = new XYLineAndShapeRenderer(false, true) {
      @Override
      public Paint getItemPaint(int series, int item) {
        return scale.getPaint(dlmp[item]);
      }
    };
    markers.setSeriesShape(0, new Ellipse2D.Double(-9, -9, 18, 18));
    markers.setUseOutlinePaint(true);
    markers.setDefaultOutlinePaint(new Color(0x333333));
    markers.setDefaultItemLabelGenerator((data, series, item) -> names[item]);
    markers.setDefaultItemLabelsVisible(true);
    markers.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    markers.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
        TextAnchor.BOTTOM_CENTER));
    markers.setDefaultSeriesVisibleInLegend(false);
    markers.setItemLabelAnchorOffset(9); // clear of the marker's outline

    NumberAxis xAxis = new NumberAxis();
    xAxis.setVisible(false);
    xAxis.setRange(-0.7, layout.columns() - 1 + 0.7);
    NumberAxis yAxis = new NumberAxis();
    yAxis.setVisible(false);
    yAxis.setInverted(true);
    yAxis.setRange(-0.8, layout.rows() - 0.2);
    XYPlot plot = new XYPlot(new XYSeriesCollection(buses), xAxis, yAxis, markers);
    plot.setDataset(1, branches);
    plot.setRenderer(1, lines);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setInsets(new RectangleInsets(10, 10, 10, 10));
    XYTextAnnotation substation = new XYTextAnnotation("substation", 0, 0.28);
    substation.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
    substation.setPaint(new Color(0x555555));
    substation.setTextAnchor(TextAnchor.TOP_CENTER);
    plot.addAnnotation(substation);
    for (Map.Entry<Integer, String> e : labels.entrySet()) {
      int k = e.getKey();
      XYTextAnnotation label = new XYTextAnnotation(e.getValue(), layout.column(k), layout.row(k) + 0.28);
      label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
      label.setPaint(new Color(0x1F3A5F));
      label.setTextAnchor(TextAnchor.TOP_CENTER);
      plot.addAnnotation(label);
    }
    JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis scaleAxis = new NumberAxis("DLMP" + money + "/kWh");
    scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
    scaleAxis.setLabelFont(Charts.BASE);
    scaleAxis.setTickLabelFont(Charts.SMALL);
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(16);
    legend.setSubdivisionCount(100);
    legend.setMargin(new RectangleInsets(10, 14, 10, 10));
    chart.addSubtitle(legend);
    return chart;
  }
}
