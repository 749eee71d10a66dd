package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.variants.VariantResult;

/** The thesis's cases (a)–(d) of the same day: what sharing, the shared battery and the DGs each add. */
final class VariantsSection implements ReportSection {
  static final String NAME = "variants";
  static final String[] HEADER = {"variant", "case", "participants", "status", "net_cost", "reduction",
    "reduction_pct", "grid_import_kwh", "dg_profit", "description"};

  @Override
  public String id() {
    return "variants";
  }

  @Override
  public String title() {
    return "Case variants: what each element contributes";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return run.scheduled() && !run.variants().isEmpty();
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    double base = base(run);
    out.paragraph("The same day with more of the community in the market. Each case is the scenario with some"
        + " participants removed, scheduled on its own. Net cost: what the buildings owe together for the day,"
        + " the community batteries counted as theirs (B in docs/mechanisms.md: their trades at DLMPs plus battery"
        + " wear; the base case: the sum of the buildings' costs alone). Reduction: against the base case (a)."
        + " DG profit: what the generators earn less fuel; in (a)-(c) they sell only to the utility at the export"
        + " tariff, in (d) to the community at their DLMP less half the trade's gain over max(fuel, export"
        + " tariff), the other half lowering the buildings' net cost.");
    List<List<String>> rows = new ArrayList<>();
    for (VariantResult v : run.variants()) {
      rows.add(List.of("(" + v.variant().label() + ")", v.variant().title(), v.variant().description(),
          Integer.toString(v.participants()),
          v.netCost().isPresent() ? Fmt.money(v.netCost()) : v.status() + ": " + v.diagnosis().orElse(""),
          Fmt.money(v.reduction(base)), Fmt.pct(v.reductionPct(base)),
          v.gridImportKwh().isPresent() ? Fmt.fixed(v.gridImportKwh().getAsDouble(), 0) : "–",
          Fmt.money(v.dgProfit())));
    }
    out.table(List.of("", "case", "what it is", "participants", "net cost" + run.money(), "reduction" + run.money(),
        "reduction", "grid import [kWh]", "DG profit" + run.money()), rows);
    out.chart(NAME, chart(run), 1300, 340, "Net cost of each case; labels give the reduction against (a).",
        NAME + ".csv");
    out.file(NAME + ".csv", ReportCsv.csv(HEADER, csv -> {
      for (VariantResult v : run.variants()) {
        csv.printRecord(v.variant().label(), v.variant().title(), v.participants(), v.status(), cell(v.netCost()),
            cell(v.reduction(base)), cell(v.reductionPct(base)), cell(v.gridImportKwh()), cell(v.dgProfit()), v.variant().description());
      }
    }));
  }

  static double base(RunResults run) {
    return run.variants().get(0).netCost().getAsDouble();
  }

  private static String cell(java.util.OptionalDouble v) {
    return v.isPresent() ? Numbers.plain(v.getAsDouble()) : "";
  }

  private static JFreeChart chart(RunResults run) {
    double base = base(run);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<org.jfree.chart.annotations.CategoryTextAnnotation> noSchedule = new ArrayList<>();
    for (VariantResult v : run.variants()) {
      String category = "(" + v.variant().label() + ") " + v.variant().title();
      // A case without a schedule keeps its place on the axis, with a note instead of a bar.
      data.addValue(v.netCost().isPresent() ? v.netCost().getAsDouble() : null, "net cost", category);
      if (v.netCost().isEmpty()) {
        var note = new org.jfree.chart.annotations.CategoryTextAnnotation("no schedule (" + v.status()
            .name().toLowerCase() + ")", category, base / 2);
        note.setFont(Charts.BASE);
        note.setPaint(new java.awt.Color(0x777777));
        noSchedule.add(note);
      }
    }
    BarRenderer r = new BarRenderer() {
      @Override
      public java.awt.Paint getItemPaint(int row, int column) {
        return column == 0 ? Charts.MUTED : Charts.colour(0);
      }
    };
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setMaximumBarWidth(0.12);
    r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
      @Override
      public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
        double cost = d.getValue(row, column).doubleValue();
        return column == 0 ? Fmt.money(cost) : Fmt.money(cost) + "  (−" + Fmt.pct(
            java.util.OptionalDouble.of(100 * (base - cost) / Math.abs(base))) + ")";
      }
    });
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(Charts.BASE);
    NumberAxis y = new NumberAxis("net cost" + run.money());
    y.setAutoRangeIncludesZero(false);
    y.setUpperMargin(0.15);
    CategoryAxis x = new CategoryAxis(null);
    x.setMaximumCategoryLabelLines(2);
    CategoryPlot plot = new CategoryPlot(data, x, y, r);
    noSchedule.forEach(plot::addAnnotation);
    JFreeChart chart = new JFreeChart(plot);
    chart.removeLegend();
    return chart;
  }
}
