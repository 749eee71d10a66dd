package org.peergrid.cli.report;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.ChartFactory;
import org.peergrid.grid.radial.FeederLayout;
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
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.mechanism.MechanismOutcome;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.vc.VcEquilibrium;

/**
 * The report of {@code peergrid run} on a three-phase scenario: report.html (self-contained) with the
 * day's figures, every settlement mechanism side by side, the phase prices at the bus whose phases differ
 * most (phase_dlmp.png and phase_dlmp.csv), the feeder map (feeder_dlmp.csv, and .png up to {@link #MAP_ROWS}
 * rows), the EVs' energies as a MATPOWER run draws them (ev_energy.png and ev_energy.csv, with EVs only), and
 * the stages that ran: the p2p-nuc loop (nuc_trades.csv), the
 * games (vc-coop's vc_trades.csv, vc-game's vc_game_savings.csv), the uncertainty stage's statistics and the
 * real-time day.
 */
public final class ThreePhaseRunReport {
  public static final String HTML = "report.html";
  public static final String CHART = "phase_dlmp";
  /** The games' communities with each member's bus and phases, in {@code clear}'s vcs.csv format. */
  public static final String COMMUNITIES = "vcs.csv";
  /** The feeder map, as a MATPOWER run names it. */
  static final String FEEDER_MAP = FeederSection.NAME;
  static final String[] FEEDER_HEADER = {"interval", "bus", "parent_bus", "x", "y", "dlmp"};
  /** The most rows of the map that are drawn (a larger feeder's map would be a page tall). */
  static final int MAP_ROWS = 60;
  /** vc-coop's energy per interval, in a MATPOWER run's format. */
  public static final String VC_TRADES = VcCoopSection.NAME + ".csv";
  /** vc-game's savings per building, in a MATPOWER run's format. */
  public static final String VC_GAME_SAVINGS = VcGameSection.SAVINGS;

  private ThreePhaseRunReport() {}

  /**
   * What the stages after the day-ahead clearing produced; each is empty when its stage did not run.
   *
   * @param realtime the real-time day from the run's DLMP day ahead
   * @param actuals how the real-time stage's actual day came about ("sampled with seed S ...", "from FILE")
   */
  public record Stages(Optional<ThreePhaseNucClearing> nuc, Optional<ThreePhaseVcCoop> coop,
      Optional<ThreePhaseVcGame> game, Optional<DayUncertainty> uncertainty,
      Optional<ThreePhaseRealtime.Result> realtime, String actuals) {}

  /**
   * report.html, phase_dlmp.png and phase_dlmp.csv, nuc_trades.csv, vc_trades.csv, vc_game_savings.csv;
   * a stage's section and files only when it ran.
   */
  public static Map<String, byte[]> build(ThreePhaseMarket market, List<ComparisonRow> rows, Stages stages) {
    Optional<DayUncertainty> uncertainty = stages.uncertainty();
    Optional<ThreePhaseNucClearing> nuc = stages.nuc();
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
        .append(Html.escape(s.currency())).append(")").append(stages.coop().isPresent() || stages.game().isPresent()
            ? "; vc-coop and vc-game below them settle their own schedules (their sections below)" : "")
        .append(".</p><table><tr><th>mechanism</th><th>status</th><th>community cost</th>"
            + "<th>savings</th><th>savings %</th><th>worse off</th><th>Jain</th><th>DSO surplus</th></tr>");
    List<ComparisonRow> all = new java.util.ArrayList<>(rows);
    all.addAll(gameRows(market, stages));
    for (ComparisonRow r : all) {
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
    feederMap(market, html, files);
    evs(market, html, files);
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
    stages.coop().ifPresent(c -> coop(c, html, files));
    stages.game().ifPresent(g -> game(g, html, files));
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
    stages.realtime().ifPresent(r -> realtime(r, stages.actuals(), html));
    html.append("</body></html>\n");
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    ordered.put(HTML, html.toString().getBytes(StandardCharsets.UTF_8));
    ordered.putAll(files);
    return ordered;
  }

  /**
   * The comparison table's rows of vc-coop and vc-game: each settles its own schedule (vc-coop by Nash
   * bargaining, vc-game by its trades), so they stand below the mechanisms that share the cleared day.
   */
  static List<ComparisonRow> gameRows(ThreePhaseMarket market, Stages stages) {
    List<ComparisonRow> rows = new java.util.ArrayList<>();
    if (market.outcome().isEmpty()) {
      return rows;
    }
    var day = market.outcome().get();
    stages.coop().flatMap(ThreePhaseVcCoop::settlement).ifPresent(o -> rows.add(ComparisonRow.of(day, o,
        stages.coop().get().game().runMillis())));
    stages.game().ifPresent(g -> rows.add(ComparisonRow.of(day, MechanismOutcome.settled(ThreePhaseVcGame.NAME,
        g.settlement()), g.equilibrium().runMillis())));
    return rows;
  }

  private static void coop(ThreePhaseVcCoop c, StringBuilder html, Map<String, byte[]> files) {
    ThreePhaseScenario s = c.scenario();
    html.append("<h2>Virtual communities: the cooperative optimum by decomposition (vc-coop)</h2>");
    html.append(String.format(Locale.ROOT, "<p>The same day reached by decomposition and split by Nash bargaining"
        + " (docs/vc-coop.md &sect;8): %d communities (%s), %s in %d rounds, %d messages, %.1f s; the DSO's master"
        + " is the day's LP on LinDist3Flow, AC-corrected over %d play(s), AC check %s.", c.grouping().communities()
        .size(), COMMUNITIES, c.game().converged() ? "converged" : "NOT converged", c.game().rounds().size(),
        c.game().messages(), c.game().runMillis() / 1000.0, c.acRounds(), c.acPassed() ? "passed" : "not passed"));
    if (c.day().optimal()) {
      html.append(String.format(Locale.ROOT, " Schedule cost %.2f %s; the central optimum under the same limits %s"
          + " (gap %s).", c.day().cost(), Html.escape(s.currency()), c.centralCost().isPresent()
              ? String.format(Locale.ROOT, "%.2f", c.centralCost().getAsDouble()) : "n/a",
          c.gapToCentralPct().isPresent() ? String.format(Locale.ROOT, "%.2e %%", c.gapToCentralPct().getAsDouble())
              : "n/a"));
      files.put(VC_TRADES, VcCoopSection.csv(c.trades(), s.horizon().intervals(),
          s.horizon().hours()).getBytes(StandardCharsets.UTF_8));
      html.append(" Energy per interval (B2B, B2C, C2C, substation): ").append(VC_TRADES).append(".");
    } else {
      html.append(" ").append(Html.escape(c.day().message())).append(".");
    }
    html.append("</p>");
  }

  private static void game(ThreePhaseVcGame g, StringBuilder html, Map<String, byte[]> files) {
    ThreePhaseScenario s = g.scenario();
    VcEquilibrium e = g.equilibrium();
    html.append("<h2>Virtual communities: the non-cooperative game (vc-game)</h2>");
    html.append(String.format(Locale.ROOT, "<p>The same communities playing the non-cooperative game"
        + " (docs/vc-game.md &sect;8); the DSO charges behind every phase node outside the voltage limits: %s after"
        + " %d rounds, %d messages, %.1f s, %d DSO play(s); largest &epsilon; %.4f %s (%s of the player's cost"
        + " alone); system cost %.2f, price of anarchy %s; B2B %.1f kWh, B2C %.1f kWh, C2C %.1f kWh; AC check of the"
        + " equilibrium %s. Every building's saving and &epsilon;: %s (communities: %s).</p>",
        e.converged() ? "equilibrium" : "NO equilibrium", e.rounds(), e.messages(), e.runMillis() / 1000.0,
        g.played().violationsPerPlay().size(), e.largestEpsilon(), Html.escape(s.currency()),
        e.largestEpsilonPct().isPresent() ? String.format(Locale.ROOT, "%.2e %%", e.largestEpsilonPct().getAsDouble())
            : "n/a", g.systemCost(), g.priceOfAnarchy().isPresent()
            ? String.format(Locale.ROOT, "%.6f", g.priceOfAnarchy().getAsDouble()) : "n/a",
        g.kwh("B2B"), g.kwh("B2C"), g.kwh("C2C"), g.acCheck().passed() ? "passed" : "not passed",
        VcGameSection.SAVINGS, COMMUNITIES));
    files.put(VcGameSection.SAVINGS, VcGameSection.savingsCsv(VcGameSection.buildings(g.settlement()), e)
        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A MATPOWER run's <i>Electric vehicles</i> section ({@link EvSection}) on the three-phase day: the chart
   * (embedded, and ev_energy.png) and ev_energy.csv; nothing without EVs.
   */
  private static void evs(ThreePhaseMarket market, StringBuilder html, Map<String, byte[]> files) {
    ThreePhaseScenario s = market.clearing().scenario();
    if (s.vehicles().isEmpty()) {
      return;
    }
    SectionWriter out = new SectionWriter(files);
    EvSection.write(EvSection.Fleet.of(s, market.day()::participant), out);
    html.append("<h2 id=\"evs\">Electric vehicles</h2>\n").append(out.html());
  }

  private static void realtime(ThreePhaseRealtime.Result r, String actuals, StringBuilder html) {
    var st = r.settlement();
    String money = Html.escape(r.actual().currency());
    long violations = r.checks().stream().filter(c -> c.limits() != null)
        .mapToLong(c -> c.limits().violations().size()).sum();
    html.append("<h2>Real time</h2>");
    html.append(String.format(Locale.ROOT, "<p>The actual day (%s) from the run's day-ahead clearing (dlmp), as"
        + " <code>peergrid realtime</code> walks it on a three-phase feeder (docs/realtime.md): %d of %d intervals"
        + " re-dispatched on LinDist3Flow; day-ahead cost %.2f %s, real-time cost %.2f, deviation cost %.2f; every"
        + " interval through the three-phase power flow: %s, %d limit violation(s) (realtime_phase_violations.csv)."
        + " Every participant's costs: realtime_costs.csv.</p>", Html.escape(actuals), r.realized().redispatched(),
        r.realized().intervals().size(), st.dayAheadCost(), money, st.realtimeCost(), st.deviationCost(),
        r.converged() ? "converged in every interval" : "NOT converged in every interval", violations));
  }

  /**
   * The feeder map of a MATPOWER run ({@link FeederSection#map}) on the phase network: each bus coloured by
   * the mean of its phases' DLMPs (the source bus by the energy price λ) in the interval whose bus prices
   * differ most; feeder_dlmp.csv, and feeder_dlmp.png when the tree fits a page.
   */
  private static void feederMap(ThreePhaseMarket market, StringBuilder html, Map<String, byte[]> files) {
    var net = market.clearing().model().network();
    ThreePhaseScenario s = market.clearing().scenario();
    int buses = net.busCount();
    List<ThreePhaseClearingResult> intervals = market.day().intervals();
    double[][] value = new double[intervals.size()][buses];
    int peak = 0;
    double widest = -1;
    for (int t = 0; t < intervals.size(); t++) {
      double[] sum = new double[buses];
      int[] count = new int[buses];
      for (PhasePrice p : intervals.get(t).prices()) {
        if (p.port().minus() < 0) {
          int b = net.busOf(p.port().plus());
          sum[b] += p.dlmp();
          count[b]++;
        }
      }
      double lambda = intervals.get(t).prices().get(0).energy();
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (int b = 0; b < buses; b++) {
        value[t][b] = count[b] > 0 ? sum[b] / count[b] : lambda;
        low = Math.min(low, value[t][b]);
        high = Math.max(high, value[t][b]);
      }
      if (high - low > widest + 1e-12) {
        widest = high - low;
        peak = t;
      }
    }
    String[] names = net.busNames();
    FeederLayout layout = FeederLayout.of(net.parent(), indices(buses));
    int t = peak;
    files.put(FEEDER_MAP + ".csv", ReportCsv.csv(FEEDER_HEADER, out -> {
      for (int b = 0; b < buses; b++) {
        out.printRecord(t, names[b], b == 0 ? "" : names[net.parent()[b]], layout.column(b), layout.row(b),
            ReportCsv.n(value[t][b]));
      }
    }).getBytes(StandardCharsets.UTF_8));
    html.append("<h2>The feeder and its prices at the peak</h2>");
    if (layout.rows() > MAP_ROWS) {
      html.append(String.format(Locale.ROOT, "<p>The feeder has %d buses in %d rows of the map, too many to draw;"
          + " each bus's mean phase DLMP in interval %d, the interval whose bus prices differ most, and its place in"
          + " the map: %s.csv.</p>", buses, layout.rows(), t, FEEDER_MAP));
      return;
    }
    Map<Integer, String> labels = new LinkedHashMap<>();
    for (var p : s.participants()) {
      int b = net.busIndex(s.connection(p.id()).bus());
      if (!(p instanceof org.peergrid.market.scenario.Building) && b >= 0) {
        labels.merge(b, p.id(), (x, y) -> x + ", " + y);
      }
    }
    String money = s.currency().isEmpty() ? "" : " " + s.currency(); // as RunResults.money()
    files.put(FEEDER_MAP + ".png", Charts.png(Charts.styled(FeederSection.map(net.parent(), names, layout, value[t],
        labels, money)), 1300, FeederSection.height(layout)));
    html.append(String.format(Locale.ROOT, "<p>The substation is on the left; each lateral hangs below the bus it"
        + " leaves from. Colours give each bus's DLMP, the mean of its phases' (the source bus: the energy price), in"
        + " interval %d, the interval whose bus prices differ most; labels: participants other than buildings."
        + " Data: %s.csv.</p><p><img alt=\"feeder map\" src=\"%s.png\"></p>", t, FEEDER_MAP, FEEDER_MAP));
  }

  private static int[] indices(int n) {
    int[] k = new int[n];
    for (int i = 0; i < n; i++) {
      k[i] = i;
    }
    return k;
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
