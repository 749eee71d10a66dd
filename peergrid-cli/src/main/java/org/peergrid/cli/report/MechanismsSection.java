package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.peergrid.cli.CompareReport;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.mechanism.CoalitionValue;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.GeneratorProfit;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.settlement.SettlementResult;

/** Every mechanism on the one schedule: the comparison table and each building's saving. */
final class MechanismsSection implements ReportSection {
  static final String NAME = "savings_by_mechanism";
  static final String COMPARE = "compare.csv";

  @Override
  public String id() {
    return "mechanisms";
  }

  @Override
  public String title() {
    return "Mechanisms: who gains what";
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    out.paragraph("The schedule is the same for every mechanism; they differ only in how the money moves. Savings"
        + " are against each building's base case (alone with the utility). \"Worse off\" counts buildings that"
        + " pay more than alone; Jain's index is 1 when every building saves the same. docs/mechanisms.md defines"
        + " every figure.");
    List<List<String>> rows = new ArrayList<>();
    List<String> unsettled = new ArrayList<>();
    for (ComparisonRow r : run.mechanisms()) {
      String description = Mechanisms.byName(r.mechanism()).map(MarketMechanism::description).orElse("");
      if (r.communityCost().isEmpty()) {
        rows.add(List.of(r.mechanism(), description, "no split (below)", "–", "–", "–", "–", "–", "–", "–"));
        unsettled.add(r.mechanism() + ": " + r.outcome().message());
        continue;
      }
      double dgGain = r.generators().stream().mapToDouble(GeneratorProfit::gain).sum();
      rows.add(List.of(r.mechanism(), description, Fmt.money(r.communityCost()), Fmt.money(r.savings()),
          Fmt.pct(r.savingsPct()), Fmt.money(r.minSaving()), Fmt.money(r.maxSaving()),
          Integer.toString(r.worseOff().getAsInt()), Fmt.fixed(r.jainIndex().getAsDouble(), 3),
          r.generators().isEmpty() ? "–" : Fmt.money(dgGain)));
    }
    String m = run.money();
    out.table(List.of("mechanism", "how it settles", "buildings pay" + m, "savings" + m, "savings", "smallest saving"
        + m, "largest saving" + m, "worse off", "Jain", "DG gain" + m), rows);
    unsettled.forEach(out::note);
    out.note("DG gain: what the generators earn above selling only to the utility. Data: " + COMPARE + ".");
    coalitions(run, out);
    List<Building> buildings = run.scenario().buildings();
    out.chart(NAME, chart(run, buildings), 1300, 460, "Each building's saving by mechanism (negative: it pays more"
        + " than alone).", NAME + ".csv", COMPARE);
    out.file(COMPARE, CompareReport.csv(run.mechanisms()));
    List<ComparisonRow> settled = settled(run).toList();
    String[] header = Stream.concat(Stream.of("participant", "base_cost"), settled.stream()
        .map(ComparisonRow::mechanism)).toArray(String[]::new);
    var outcome = run.day().outcome().orElseThrow();
    out.file(NAME + ".csv", ReportCsv.csv(header, csv -> {
      for (Building b : buildings) {
        List<String> row = new ArrayList<>(List.of(b.id(), Numbers.plain(outcome.members().stream()
            .filter(x -> x.id().equals(b.id())).findFirst().orElseThrow().baseCost().getAsDouble())));
        settled.forEach(r -> row.add(Numbers.plain(saving(r, b))));
        csv.printRecord(row);
      }
    }));
  }

  private static Stream<ComparisonRow> settled(RunResults run) {
    return run.mechanisms().stream().filter(r -> r.outcome().settlement().isPresent());
  }

  private static double saving(ComparisonRow r, Building b) {
    return r.outcome().settlement().orElseThrow().participant(b.id()).savings().getAsDouble();
  }

  private static JFreeChart chart(RunResults run, List<Building> buildings) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    settled(run).forEach(r -> buildings.forEach(b -> data.addValue(saving(r, b), r.mechanism(), b.id())));
    BarRenderer r = new BarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setItemMargin(0.02);
    for (int i = 0; i < data.getRowCount(); i++) {
      r.setSeriesPaint(i, Charts.colour(i));
    }
    CategoryAxis x = new CategoryAxis("building");
    x.setCategoryMargin(0.25);
    x.setCategoryLabelPositions(buildings.size() > 20 ? CategoryLabelPositions.UP_90
        : CategoryLabelPositions.STANDARD);
    CategoryPlot plot = new CategoryPlot(data, x, new NumberAxis("saving" + run.money()), r);
    plot.setDomainGridlinesVisible(true);
    plot.setDomainGridlinePaint(Charts.GRID);
    return new JFreeChart(plot);
  }

  /**
   * The scenario's coalitions (bargaining.coalitions): what each saves alone, v(S), and what each
   * mechanism gives it; "binds" where a split gives it exactly v(S), "below v(S)" where a
   * mechanism without core constraints gives it less.
   */
  private static void coalitions(RunResults run, SectionWriter out) {
    var coalitions = run.day().outcome().orElseThrow().coalitions();
    if (coalitions.isEmpty()) {
      return;
    }
    List<ComparisonRow> settled = settled(run).toList();
    List<String> header = new ArrayList<>(List.of("coalition", "saves alone" + run.money()));
    settled.forEach(r -> header.add(r.mechanism()));
    List<List<String>> rows = new ArrayList<>();
    for (CoalitionValue c : coalitions) {
      List<String> row = new ArrayList<>(List.of(c.label(), c.value().isPresent() ? Fmt.money(c.value()) : c.note()));
      for (ComparisonRow r : settled) {
        SettlementResult s = r.outcome().settlement().orElseThrow();
        double got = c.members().stream().mapToDouble(id -> s.participant(id).savings().orElseThrow()).sum();
        String how = c.value().isEmpty() ? "" : c.binds(s) ? " (binds)"
            : c.slack(s).getAsDouble() < 0 ? " (below v(S))" : "";
        row.add(Fmt.money(got) + how);
      }
      rows.add(row);
    }
    out.paragraph("Coalitions of the scenario (bargaining.coalitions), each cleared alone on the feeder: what it"
        + " saves alone, v(S), and what each mechanism gives its members together. Nash and KS must give every"
        + " coalition at least v(S) (core constraints, docs/bargaining.md); \"binds\" marks a coalition held at"
        + " exactly v(S).");
    out.table(header, rows);
  }
}
