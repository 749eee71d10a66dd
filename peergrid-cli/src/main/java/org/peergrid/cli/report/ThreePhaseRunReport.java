package org.peergrid.cli.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.peergrid.cli.NucCsv;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.nuc.NucResult;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.PhasePrice;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.threephase.ThreePhaseNucClearing;

/**
 * The report of {@code peergrid run} on a three-phase scenario: report.html (self-contained) with the
 * day's figures, every settlement mechanism side by side, the phase prices at the bus whose phases differ
 * most (phase_dlmp.png and phase_dlmp.csv), the p2p-nuc loop (nuc_trades.csv) and the uncertainty stage's
 * statistics when they ran. The games (vc-coop, vc-game) do not run here yet and the report says so.
 */
public final class ThreePhaseRunReport {
  public static final String HTML = "report.html";
  public static final String CHART = "phase_dlmp";

  private ThreePhaseRunReport() {}

  /**
   * report.html, phase_dlmp.png and phase_dlmp.csv, and nuc_trades.csv; the uncertainty and p2p-nuc are
   * empty when their stages did not run.
   */
  public static Map<String, byte[]> build(ThreePhaseMarket market, List<ComparisonRow> rows,
      Optional<DayUncertainty> uncertainty, Optional<ThreePhaseNucClearing> nuc) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    ThreePhaseScenario s = market.clearing().scenario();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(Html.escape(s.name()))
        .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:"
            + "collapse}td,th{border:1px solid #ccc;padding:2px 8px}td.n{text-align:right}</style></head><body>");
    html.append("<h1>").append(Html.escape(s.name())).append(" on a three-phase feeder</h1>");
    html.append(String.format(Locale.ROOT, "<p>%s: %d participants, %d &times; %d min. Day cleared on LinDist3Flow: %s",
        Html.escape(s.network().opendss().getFileName().toString()), s.participants().size(), s.horizon().intervals(),
        s.horizon().intervalMinutes(), Html.escape(market.day().status().name())));
    if (market.day().optimal()) {
      html.append(String.format(Locale.ROOT, ", schedule cost %.2f %s; AC check %s after %d clearing(s).</p>",
          market.day().cost(), Html.escape(s.currency()), market.acPassed() ? "passed" : "not passed", market.rounds()));
    } else {
      html.append(": ").append(Html.escape(market.day().message())).append("</p></body></html>");
      files.put(HTML, html.toString().getBytes(StandardCharsets.UTF_8));
      return files;
    }
    html.append("<h2>Mechanisms</h2><p>Every settlement mechanism on the one cleared day (money, ")
        .append(Html.escape(s.currency())).append("). vc-coop and vc-game do not run on three-phase feeders yet"
            + " (docs/opendss.md).</p><table><tr><th>mechanism</th><th>status</th><th>community cost</th>"
            + "<th>savings</th><th>savings %</th><th>worse off</th><th>Jain</th><th>DSO surplus</th></tr>");
    for (ComparisonRow r : rows) {
      html.append("<tr><td>").append(Html.escape(r.mechanism())).append("</td><td>")
          .append(Html.escape(r.outcome().status().name())).append("</td>").append(cell(r.communityCost(), 2))
          .append(cell(r.savings(), 2)).append(cell(r.savingsPct(), 2)).append("<td class=\"n\">")
          .append(r.worseOff().isPresent() ? Integer.toString(r.worseOff().getAsInt()) : "").append("</td>")
          .append(cell(r.jainIndex(), 3)).append(cell(r.dsoSurplus(), 2)).append("</tr>");
    }
    html.append("</table>");
    String bus = widestBus(market);
    html.append("<h2>Phase prices</h2><p>The DLMP of each phase of bus ").append(Html.escape(bus))
        .append(", the bus whose phases' prices differ most (every phase node's prices: phase_prices.csv).</p>")
        .append("<p><img alt=\"phase DLMPs\" src=\"").append(CHART).append(".png\"></p>");
    files.put(CHART + ".png", Charts.png(chart(market, bus), 900, 380));
    files.put(CHART + ".csv", csv(market, bus).getBytes(StandardCharsets.UTF_8));
    nuc.ifPresent(c -> {
      NucResult<?> loop = c.nuc().loop();
      html.append("<h2>P2P trades with network utilization charges</h2>");
      html.append(String.format(Locale.ROOT, "<p>The same day as a P2P market in which the DSO charges each trade"
          + " for the losses it causes and surcharges the trades behind a phase voltage outside the limits"
          + " (docs/nuc-ev.md, \"On a three-phase feeder\"): %s. %d iterations, %d trades; DSO revenue %.2f %s, of"
          + " it surcharges %.2f, against a loss cost of %.2f; AC check of the last clearing %s. Every trade with"
          + " its charges: %s.</p>", Html.escape(loop.message()), loop.iterations().size(), loop.trades().size(),
          loop.revenue(), Html.escape(s.currency()), loop.surchargeRevenue(), loop.cost(),
          c.acCheck() != null && c.acCheck().passed() ? "passed" : "not passed", NucSection.TRADES));
      files.put(NucSection.TRADES, NucCsv.trades(loop.trades()).getBytes(StandardCharsets.UTF_8));
    });
    uncertainty.ifPresent(u -> {
      html.append("<h2>Uncertainty</h2>");
      if (!u.result().hasStatistics()) {
        html.append("<p>").append(Html.escape(u.method().key())).append(": no statistics (")
            .append(Html.escape(u.firstFailure().orElse("no evaluation succeeded"))).append(").</p>");
        return;
      }
      html.append(String.format(Locale.ROOT, "<p>%s, %s weather, m = %d random inputs, %d clearings in %.1f s: total"
          + " cost %.2f &plusmn; %.2f %s; lowest phase voltage %.5f &plusmn; %.5f p.u. Each phase node's DLMP"
          + " statistics: dlmp_stats.csv; each participant's cost: participant_costs.csv.</p>",
          Html.escape(u.method().key()), Html.escape(s.uncertainty().correlation().key()), u.inputs().size(),
          u.result().evaluations(), u.wallMillis() / 1000.0, u.totalCostMean(), u.totalCostStd(),
          Html.escape(s.currency()), u.vminMean(), u.vminStd()));
    });
    html.append("</body></html>\n");
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    ordered.put(HTML, html.toString().getBytes(StandardCharsets.UTF_8));
    ordered.putAll(files);
    return ordered;
  }

  /** summary.json's {@code p2p_nuc} object, as on a MATPOWER run. */
  public static void summarize(ObjectNode summary, ThreePhaseNucClearing nuc) {
    new NucSection(nuc.nuc()).summarize(summary);
  }

  private static String cell(OptionalDouble v, int decimals) {
    return "<td class=\"n\">" + (v.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", v.getAsDouble()) : "")
        + "</td>";
  }

  /** The bus with the largest difference between its phases' DLMPs in some interval. */
  static String widestBus(ThreePhaseMarket market) {
    String widest = "";
    double spread = -1;
    for (ThreePhaseClearingResult r : market.day().intervals()) {
      Map<String, double[]> range = new LinkedHashMap<>();
      for (PhasePrice p : r.prices()) {
        if (p.port().minus() < 0) {
          range.merge(p.bus(), new double[] {p.dlmp(), p.dlmp()},
              (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
      }
      for (Map.Entry<String, double[]> e : range.entrySet()) {
        if (e.getValue()[1] - e.getValue()[0] > spread) {
          spread = e.getValue()[1] - e.getValue()[0];
          widest = e.getKey();
        }
      }
    }
    return widest;
  }

  private static JFreeChart chart(ThreePhaseMarket market, String bus) {
    XYSeriesCollection data = new XYSeriesCollection();
    Map<String, XYSeries> byPhase = new LinkedHashMap<>();
    var net = market.clearing().model().network();
    double hours = market.clearing().scenario().horizon().hours();
    for (int t = 0; t < market.day().intervals().size(); t++) {
      for (PhasePrice p : market.day().intervals().get(t).prices()) {
        if (p.port().minus() < 0 && p.bus().equals(bus)) {
          String phase = org.peergrid.market.scenario.PhaseConnection.letter(net.nodeNumbers()[p.port().plus()]);
          XYSeries series = byPhase.computeIfAbsent(phase, k -> new XYSeries(bus + "." + k, false, true));
          series.add(t * hours, p.dlmp());
        }
      }
    }
    int nt = market.day().intervals().size();
    for (XYSeries series : byPhase.values()) {
      series.add(nt * hours, series.getY(series.getItemCount() - 1)); // the last interval's step to its end
      data.addSeries(series);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(null, "hour", "DLMP per kWh", data, PlotOrientation.VERTICAL,
        true, false, false);
    XYStepRenderer steps = new XYStepRenderer();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      steps.setSeriesPaint(i, Charts.colour(i));
      steps.setSeriesStroke(i, Charts.LINE);
    }
    ((XYPlot) chart.getPlot()).setRenderer(steps);
    return Charts.styled(chart);
  }

  private static String csv(ThreePhaseMarket market, String bus) {
    var net = market.clearing().model().network();
    return ReportCsv.csv(new String[] {"interval", "bus", "phase", "dlmp"}, out -> {
      for (int t = 0; t < market.day().intervals().size(); t++) {
        for (PhasePrice p : market.day().intervals().get(t).prices()) {
          if (p.port().minus() < 0 && p.bus().equals(bus)) {
            out.printRecord(t, bus, org.peergrid.market.scenario.PhaseConnection.letter(net.nodeNumbers()[p.port()
                .plus()]), ReportCsv.n(p.dlmp()));
          }
        }
      }
    });
  }
}
