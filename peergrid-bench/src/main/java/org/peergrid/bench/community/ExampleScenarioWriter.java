package org.peergrid.bench.community;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.peergrid.market.scenario.BatterySpec;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.CommunityBattery;
import org.peergrid.market.scenario.DistributedGenerator;
import org.peergrid.market.scenario.Participant;
import org.peergrid.market.scenario.ShiftableLoad;

/**
 * Writes the bundled examples from {@link SyntheticCommunity} with
 * {@link SyntheticCommunity#EXAMPLE_SEED}: 32 buildings, one on each load bus of case33bw, 24
 * hourly intervals, in two settings of the feeder ({@link Setting}):
 * {@code examples/ieee33-community/} (the README's first command: every case variant (a)–(d) has
 * a schedule) and {@code examples/ieee33-congested/} (the lateral's cable and the 0.95 p.u. limit
 * bind, and only the DGs make the day feasible). Each gets scenario.yaml and the same
 * profiles.csv. Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl peergrid-bench -am package -DskipTests
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" \
 *     org.peergrid.bench.community.ExampleScenarioWriter examples
 * }</pre>
 *
 * <p>The output is byte-for-byte reproducible; the committed files are this program's output.
 */
public final class ExampleScenarioWriter {
  static final int INTERVALS = 24;

  /**
   * The feeder's settings of one example.
   *
   * @param name the scenario's name and folder
   * @param backgroundMax the background multiplier's evening peak (night minimum
   *     {@code SyntheticCommunity.BACKGROUND_MIN})
   * @param vminPu V^min
   * @param limitKva the rating of branch {@value SyntheticCommunity#LIMITED_BRANCH}
   * @param comment why these settings, for the file's header
   */
  record Setting(String name, double backgroundMax, double vminPu, double limitKva, String comment) {}

  /**
   * The main example: a lighter evening background (0.44), a 900 kVA cable and a 6 % voltage band,
   * so that the buildings can run the day without the DGs and the case variants compare.
   */
  static final Setting COMMUNITY = new Setting("ieee33-community", 0.44, 0.94, 900,
      "every case variant (a)-(d) has a schedule: the feeder carries the day without the DGs");
  /** The congested example: the settings the main example had until issue 15. */
  static final Setting CONGESTED = new Setting("ieee33-congested", SyntheticCommunity.BACKGROUND_MAX,
      0.95, SyntheticCommunity.LIMITED_BRANCH_KVA,
      "the lateral's 700 kVA cable and the 0.95 p.u. limit bind; without the DGs the day has no schedule");

  private ExampleScenarioWriter() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "examples");
    List<SyntheticCommunity.GeneratedBuilding> buildings = SyntheticCommunity.buildings(
        SyntheticCommunity.REFERENCE_COUNT, INTERVALS, SyntheticCommunity.EXAMPLE_SEED, 2);
    for (Setting setting : List.of(COMMUNITY, CONGESTED)) {
      Path dir = root.resolve(setting.name());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("profiles.csv"), csv(buildings));
      Files.writeString(dir.resolve("scenario.yaml"), yaml(buildings, setting));
      System.out.println("wrote " + dir.resolve("scenario.yaml") + " and " + dir.resolve("profiles.csv") + " ("
          + buildings.size() + " buildings)");
    }
  }

  /**
   * A larger community in the main example's setting ({@link #COMMUNITY}): {@code count} buildings
   * and {@code intervals} intervals of the day from {@link SyntheticCommunity#EXAMPLE_SEED} (sizes divided by count/32, so the feeder carries
   * about the same load), written to {@code root/NAME/} with case33bw copied to {@code root/feeders/}
   * so that the scenario's {@code ../feeders/case33bw.m} resolves. For the whole-process benchmark.
   *
   * @return the scenario file
   */
  public static Path writeCommunity(Path root, Path case33bw, int count, int intervals) throws IOException {
    List<SyntheticCommunity.GeneratedBuilding> buildings = SyntheticCommunity.buildings(count, intervals,
        SyntheticCommunity.EXAMPLE_SEED, String.valueOf(count).length());
    Setting setting = new Setting("community-" + count + "x" + intervals, COMMUNITY.backgroundMax(), COMMUNITY.vminPu(),
        COMMUNITY.limitKva(), COMMUNITY.comment());
    Path dir = root.resolve(setting.name());
    Files.createDirectories(dir);
    Files.createDirectories(root.resolve("feeders"));
    Files.copy(case33bw, root.resolve("feeders").resolve("case33bw.m"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(dir.resolve("profiles.csv"), csv(buildings));
    Files.writeString(dir.resolve("scenario.yaml"), yaml(buildings, setting));
    return dir.resolve("scenario.yaml");
  }

  /** profiles.csv: interval, hour and each building's columns; ids are quoted where CSV needs it. */
  static String csv(List<SyntheticCommunity.GeneratedBuilding> buildings) {
    int intervals = intervals(buildings);
    int minutes = 24 * 60 / intervals;
    List<String> header = new ArrayList<>(List.of("interval", "hour"));
    for (var g : buildings) {
      String id = g.building().id();
      header.add(id + "_load");
      if (g.pvKwp() > 0) {
        header.add(id + "_pv");
      }
      if (g.windKw() > 0) {
        header.add(id + "_wind");
      }
    }
    StringWriter text = new StringWriter();
    try (CSVPrinter out = new CSVPrinter(text,
        CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get())) {
      for (int t = 0; t < intervals; t++) {
        List<String> row = new ArrayList<>(header.size());
        row.add(String.valueOf(t));
        row.add(String.format(Locale.ROOT, "%02d:%02d", t * minutes / 60, t * minutes % 60));
        for (var g : buildings) {
          Building b = g.building();
          row.add(number(b.loadKw().get(t)));
          if (g.pvKwp() > 0) {
            row.add(number(b.pvKw().get(t)));
          }
          if (g.windKw() > 0) {
            row.add(number(b.windKw().get(t)));
          }
        }
        out.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  static String yaml(List<SyntheticCommunity.GeneratedBuilding> buildings, Setting setting) {
    int intervals = intervals(buildings);
    StringBuilder y = new StringBuilder();
    y.append("# Generated by org.peergrid.bench.community.ExampleScenarioWriter (seed ")
        .append(SyntheticCommunity.EXAMPLE_SEED).append("); do not edit by hand.\n")
        .append("# All numbers are synthetic; ../ieee33-community/README.md says where the shapes and sizes come from.\n")
        .append("# Settings: ").append(setting.comment()).append(".\n")
        .append("version: 1\nname: ").append(setting.name()).append("\ncurrency: INR\n")
        .append("network:\n  matpower: ../feeders/case33bw.m\n  vmin_pu: ").append(number(setting.vminPu()))
        .append("\n  vmax_pu: 1.05\n")
        .append("  root_voltage_pu: 1.0\n  background_load: true\n")
        .append("  # multiplier of case33bw's 3715 kW / 2300 kvar per hour (mixed residential/commercial day)\n")
        .append("  background_profile: ")
        .append(list(SyntheticCommunity.backgroundProfile(intervals, setting.backgroundMax()))).append('\n')
        .append("  # an assumed cable rating (case33bw has none), so that the lateral 26-33 can congest\n")
        .append("  branch_limit_kva: {\"").append(SyntheticCommunity.LIMITED_BRANCH).append("\": ")
        .append(number(setting.limitKva())).append("}\n")
        .append("  # ac_correction is on by default: the limits are tightened until the schedule passes the AC check\n")
        .append("horizon:\n  intervals: ").append(intervals).append("\n  interval_minutes: ")
        .append(24 * 60 / intervals).append('\n')
        .append("tariff:\n")
        .append("  # time of day: 7.0 normal, 5.6 in the solar hours 09-17 h, 8.4 in the evening peak 18-22 h\n")
        .append("  import: ").append(list(SyntheticCommunity.importTariff(intervals))).append('\n')
        .append("  export: ").append(number(SyntheticCommunity.EXPORT_INR)).append('\n')
        .append("participants:\n");
    for (var g : buildings) {
      Building b = g.building();
      y.append("  - id: ").append(b.id()).append("   # ").append(g.kind().name().toLowerCase(Locale.ROOT));
      if (g.pvKwp() > 0) {
        y.append(", ").append(number(round1(g.pvKwp()))).append(" kWp PV");
      }
      if (g.windKw() > 0) {
        y.append(", ").append(number(round1(g.windKw()))).append(" kW wind turbine");
      }
      y.append("\n    type: building\n    bus: ").append(b.bus()).append('\n')
          .append("    load_kw: {csv: profiles.csv, column: ").append(b.id()).append("_load}\n")
          .append("    power_factor: ").append(number(b.powerFactor())).append('\n');
      if (g.pvKwp() > 0) {
        y.append("    pv_kw: {csv: profiles.csv, column: ").append(b.id()).append("_pv}\n");
      }
      if (g.windKw() > 0) {
        y.append("    wind_kw: {csv: profiles.csv, column: ").append(b.id()).append("_wind}\n");
      }
      b.battery().ifPresent(spec -> y.append("    battery:\n").append(battery(spec, "      ")));
      b.shiftable().ifPresent(s -> y.append("    shiftable: ").append(shiftable(s)).append('\n'));
    }
    for (Participant p : SyntheticCommunity.sharedAssets()) {
      if (p instanceof DistributedGenerator g) {
        y.append("  - id: ").append(g.id()).append("\n    type: generator\n    bus: ").append(g.bus())
            .append("\n    min_kw: ").append(number(g.minKw())).append("\n    max_kw: ").append(number(g.maxKw()))
            .append("\n    cost_per_kwh: ").append(number(g.costPerKwh())).append('\n');
      } else if (p instanceof CommunityBattery c) {
        y.append("  - id: ").append(c.id()).append("\n    type: community_battery\n    bus: ").append(c.bus())
            .append('\n').append(battery(c.battery(), "    "));
      }
    }
    y.append(RUN_BLOCK);
    return y.toString();
  }

  /** The day's length of the generated series (24 for the bundled examples). */
  private static int intervals(List<SyntheticCommunity.GeneratedBuilding> buildings) {
    return buildings.get(0).building().loadKw().size();
  }

  /** The stages that {@code peergrid run} adds; appended last so that the day-ahead part stays as it was. */
  static final String RUN_BLOCK = ""
        + "# What `peergrid run` adds after the day-ahead report (added after the figures in docs/ were taken;\n"
        + "# it changes no day-ahead figure). The uncertainty stage is PEM 2m+1 with common weather: one\n"
        + "# irradiance and one wind speed per hour for the feeder, m = 36, 73 clearings, a few seconds\n"
        + "# (docs/uncertainty.md); `run --uncertainty none` leaves it out. The real-time day is the one\n"
        + "# docs/realtime.md measures.\n"
        + "run:\n"
        + "  uncertainty: {method: pem2m+1}\n"
        + "  realtime: {sample_seed: 42}\n";

  static String battery(BatterySpec b, String indent) {
    return indent + "capacity_kwh: " + number(b.capacityKwh()) + "\n"
        + indent + "charge_kw: " + number(b.chargeKw()) + "\n"
        + indent + "discharge_kw: " + number(b.dischargeKw()) + "\n"
        + indent + "efficiency_charge: " + number(b.efficiencyCharge()) + "\n"
        + indent + "efficiency_discharge: " + number(b.efficiencyDischarge()) + "\n"
        + indent + "soc_min: " + number(b.socMin()) + "\n"
        + indent + "soc_max: " + number(b.socMax()) + "\n"
        + indent + "soc_initial: " + number(b.socInitial()) + "\n"
        + indent + "degradation_cost_per_kwh: " + number(b.degradationCostPerKwh()) + "\n";
  }

  static String shiftable(ShiftableLoad s) {
    return "{energy_kwh: " + number(s.energyKwh()) + ", window: [" + s.windowStart() + ", " + s.windowEnd()
        + "], max_kw: " + number(s.maxKw()) + "}";
  }

  static String list(double[] values) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    for (double v : values) {
      j.add(number(v));
    }
    return j.toString();
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Shortest form of a number already rounded to at most three decimals. */
  static String number(double v) {
    String s = String.format(Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
