package org.peergrid.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.peergrid.cli.UncertaintyCsv;
import org.peergrid.cli.UncertaintyJson;
import org.peergrid.market.probabilistic.DayOutputs;
import org.peergrid.market.probabilistic.DayUncertainty;

/** The uncertainty stage's results: expected cost, prices and voltage under random forecasts, and their spread. */
final class UncertaintySection implements ReportSection {
  static final String CHART = "uncertainty_dlmp";
  static final String COSTS = "uncertainty_costs.csv";

  private final DayUncertainty result;
  /** The scenario's weather correlation (common or independent), which sets what the inputs are. */
  private final String correlationKey;

  UncertaintySection(DayUncertainty result, String correlationKey) {
    this.result = result;
    this.correlationKey = correlationKey;
  }

  @Override
  public String id() {
    return "uncertainty";
  }

  @Override
  public String title() {
    return "Uncertainty of PV, wind and load";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    DayUncertainty r = result;
    out.paragraph(String.format(Locale.ROOT, "The day cleared again (DLMP) with the forecasts random as the"
        + " scenario's uncertainty block says: %d random inputs (%s weather), estimated by %s in %d clearings. Mean"
        + " and standard deviation of what the buildings pay, of every DLMP and of the day's lowest AC voltage"
        + " (docs/uncertainty.md says how far each method can be trusted).", r.inputs().size(),
        correlationKey, r.method().key(), r.result().evaluations()));
    out.tiles(tiles(run));
    out.file(CHART + ".csv", UncertaintyCsv.dlmp(List.of(r)));
    out.file(COSTS, UncertaintyCsv.costs(List.of(r)));
    if (!r.result().hasStatistics()) {
      out.paragraph("No statistics: " + r.result().failedEvaluations() + " of " + r.result().evaluations()
          + " clearings had no schedule (a point estimate cannot drop a point): "
          + r.firstFailure().orElse("no clearing succeeded") + ".");
      return;
    }
    int bus = mostVariableBus();
    out.chart(CHART, chart(run, bus), 1300, 400, "Every bus's expected DLMP (grey) and, at bus "
        + r.layout().bus(bus) + " where it varies most, the mean ± one standard deviation.", CHART + ".csv");
    DayOutputs o = r.layout();
    List<List<String>> rows = new ArrayList<>();
    for (int p = 0; p < o.participants().size(); p++) {
      rows.add(List.of(o.participants().get(p), Fmt.money(r.mean(o.cost(p))), Fmt.money(r.std(o.cost(p)))));
    }
    out.foldedTable("Each participant's cost: mean and standard deviation (" + COSTS + ")",
        List.of("participant", "cost mean" + run.money(), "cost std" + run.money()), rows);
  }

  private Map<String, String> tiles(RunResults run) {
    DayUncertainty r = result;
    Map<String, String> t = new LinkedHashMap<>();
    t.put("method", r.method().key() + (r.samples() > 0 ? " (" + r.samples() + " samples, seed " + r.seed() + ")"
        : ""));
    t.put("random inputs m", Integer.toString(r.inputs().size()));
    t.put("clearings (infeasible)", r.result().evaluations() + " (" + r.result().failedEvaluations() + ")");
    t.put("wall time", Fmt.fixed(r.wallMillis() / 1000.0, 1) + " s");
    if (r.result().hasStatistics()) {
      t.put("total cost, mean ± std" + run.money(), Fmt.money(r.totalCostMean()) + " ± " + Fmt.money(r.totalCostStd()));
      t.put("lowest AC voltage, mean ± std", Fmt.fixed(r.vminMean(), 4) + " ± " + Fmt.fixed(r.vminStd(), 4) + " p.u.");
    }
    return t;
  }

  /** The bus (index in the layout) whose DLMP standard deviation, summed over the day, is largest. */
  int mostVariableBus() {
    DayOutputs o = result.layout();
    int best = 0;
    double widest = -1;
    for (int i = 0; i < o.buses().length; i++) {
      double sum = 0;
      for (int t = 0; t < o.intervals(); t++) {
        sum += result.std(o.dlmp(t, i));
      }
      if (sum > widest) {
        widest = sum;
        best = i;
      }
    }
    return best;
  }

  private JFreeChart chart(RunResults run, int bus) {
    DayOutputs o = result.layout();
    double h = run.scenario().horizon().hours();
    YIntervalSeries band = new YIntervalSeries("bus " + o.bus(bus) + ": mean ± std", false, true);
    for (int t = 0; t < o.intervals(); t++) {
      double mean = result.mean(o.dlmp(t, bus));
      double std = result.std(o.dlmp(t, bus));
      band.add(t * h, mean, mean - std, mean + std); // both ends of the interval: a step, like the other charts
      band.add((t + 1) * h, mean, mean - std, mean + std);
    }
    YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
    bandData.addSeries(band);
    DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
    bandRenderer.setSeriesPaint(0, Charts.PALETTE[1]);
    bandRenderer.setSeriesFillPaint(0, Charts.PALETTE[1]);
    bandRenderer.setAlpha(0.25f);
    bandRenderer.setSeriesStroke(0, Charts.LINE);
    XYSeriesCollection means = new XYSeriesCollection();
    XYStepRenderer grey = new XYStepRenderer();
    for (int i = 0; i < o.buses().length; i++) {
      int index = i;
      means.addSeries(DaySeries.steps(i == 0 ? "every bus's mean" : "bus " + o.bus(i), run,
          t -> result.mean(o.dlmp(t, index))));
      grey.setSeriesPaint(i, Charts.MUTED);
      grey.setSeriesStroke(i, Charts.THIN);
      grey.setSeriesVisibleInLegend(i, i == 0);
    }
    XYPlot plot = new XYPlot(bandData, DaySeries.hoursAxis(run), new NumberAxis("DLMP" + run.money() + "/kWh"),
        bandRenderer);
    plot.setDataset(1, means);
    plot.setRenderer(1, grey);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    plot.setBackgroundPaint(Color.WHITE);
    return new JFreeChart(plot);
  }

  @Override
  public void summarize(ObjectNode summary) {
    ObjectNode node = summary.putObject("uncertainty");
    UncertaintyJson.figures(node, result);
    node.put("random_inputs", result.inputs().size());
    node.put("correlation", correlationKey);
    node.put("dlmp_most_variable_bus", result.layout().bus(mostVariableBus()));
  }
}
