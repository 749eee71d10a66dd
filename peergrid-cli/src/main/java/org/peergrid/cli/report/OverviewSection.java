package org.peergrid.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.peergrid.cli.Numbers;
import org.peergrid.cli.ReportCsv;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.TimeSeries;

/** The scenario at a glance: who takes part, the day's key figures, and each participant's size. */
final class OverviewSection implements ReportSection {
  static final String CSV = "participants.csv";
  static final String[] HEADER = {"participant", "type", "bus", "load_kwh", "renewable_kwh", "battery_kwh",
    "generator_max_kw", "base_cost"};

  @Override
  public String id() {
    return "overview";
  }

  @Override
  public String title() {
    return "The scenario at a glance";
  }

  @Override
  public boolean appliesTo(RunResults run) {
    return true;
  }

  @Override
  public void write(RunResults run, SectionWriter out) {
    Scenario s = run.scenario();
    long dgs = s.participants().stream().filter(DistributedGenerator.class::isInstance).count();
    long cbs = s.participants().stream().filter(CommunityBattery.class::isInstance).count();
    out.paragraph(String.format("%d buildings, %d distributed generators and %d community batteries on %s "
        + "(%d buses), over %d %s of %d min. Tariff: import %s, export %s%s per kWh; voltage limits %.3f–%.3f"
        + " p.u.", s.buildings().size(), dgs, cbs, s.network().radial().feeder().name(),
        s.network().radial().busCount(), s.horizon().intervals(), s.horizon().intervals() == 1 ? "interval" : "intervals",
        s.horizon().intervalMinutes(),
        range(s.tariff().importPrice()), range(s.tariff().exportPrice()), run.money(), s.network().vminPu(),
        s.network().vmaxPu()));
    if (!run.scheduled()) {
      out.paragraph("No schedule: " + run.day().dispatch().status() + ". " + run.day().dispatch().message());
      return;
    }
    out.tiles(tiles(run));
    out.foldedTable("Participants (" + s.participants().size() + "): sizes and base costs",
        List.of("participant", "type", "bus", "load [kWh]", "PV + wind [kWh]", "battery [kWh]",
        "DG max [kW]", "base cost" + run.money()), rows(run, false));
    out.file(CSV, ReportCsv.csv(HEADER, p -> {
      for (List<String> row : rows(run, true)) {
        p.printRecord(row);
      }
    }));
    out.note("Base cost: what the building pays alone with the utility at the tariffs (its own battery and "
        + "shiftable load scheduled for itself). Data: " + CSV + ".");
  }

  private static Map<String, String> tiles(RunResults run) {
    var outcome = run.day().outcome().orElseThrow();
    double hours = run.scenario().horizon().hours();
    Map<String, String> tiles = new LinkedHashMap<>();
    tiles.put("base cost, everyone alone" + run.money(), Fmt.money(outcome.baseCost()));
    org.peergrid.market.mechanism.ComparisonRow.bestForBuildings(run.mechanisms())
        .ifPresent(best -> tiles.put("largest saving (" + best.mechanism() + ", no DG worse off)" + run.money(),
            Fmt.money(best.savings()) + " (" + Fmt.pct(best.savingsPct()) + ")"));
    tiles.put("grid import / export [kWh]", Fmt.fixed(run.solution().gridImportKwh(hours), 0) + " / "
        + Fmt.fixed(run.solution().gridExportKwh(hours), 0));
    tiles.put("DLMP range" + run.money() + "/kWh", Fmt.fixed(run.solution().prices().dlmp().min(), 2) + " – "
        + Fmt.fixed(run.solution().prices().dlmp().max(), 2));
    run.day().acCheck().flatMap(ac -> ac.vmin()).ifPresent(v -> tiles.put("lowest AC voltage",
        Fmt.fixed(v.pu(), 4) + " p.u. (bus " + v.bus() + ", " + run.clock(v.interval()) + ")"));
    run.day().acCheck().ifPresent(ac -> tiles.put("AC violations (voltage / branch)",
        ac.voltageViolations() + " / " + ac.branchViolations()));
    return tiles;
  }

  private static List<List<String>> rows(RunResults run, boolean plain) {
    Scenario s = run.scenario();
    double h = s.horizon().hours();
    var outcome = run.day().outcome().orElseThrow();
    List<List<String>> rows = new ArrayList<>();
    for (Participant p : s.participants()) {
      OptionalDouble base = outcome.members().stream().filter(m -> m.id().equals(p.id())).findFirst()
          .map(m -> m.baseCost()).orElse(OptionalDouble.empty());
      String load = "";
      String renewable = "";
      String battery = "";
      String dgMax = "";
      if (p instanceof Building b) {
        load = num(sum(b.loadKw()) * h, plain);
        renewable = num((sum(b.pvKw()) + sum(b.windKw())) * h, plain);
        battery = b.battery().map(x -> num(x.capacityKwh(), plain)).orElse("");
      } else if (p instanceof CommunityBattery c) {
        battery = num(c.battery().capacityKwh(), plain);
      } else if (p instanceof DistributedGenerator g) {
        dgMax = num(g.maxKw(), plain);
      }
      rows.add(List.of(p.id(), p.typeName(), Integer.toString(p.bus()), load, renewable, battery, dgMax,
          base.isPresent() ? (plain ? Numbers.plain(base.getAsDouble()) : Fmt.money(base.getAsDouble())) : ""));
    }
    return rows;
  }

  private static String num(double v, boolean plain) {
    return plain ? Numbers.plain(v) : Fmt.fixed(v, 1);
  }

  static double sum(TimeSeries x) {
    double total = 0;
    for (int t = 0; t < x.size(); t++) {
      total += x.get(t);
    }
    return total;
  }

  private static String range(TimeSeries x) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < x.size(); t++) {
      min = Math.min(min, x.get(t));
      max = Math.max(max, x.get(t));
    }
    return min == max ? Fmt.fixed(min, 2) : Fmt.fixed(min, 2) + "–" + Fmt.fixed(max, 2);
  }

}
