package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.cli.ClearCommandTest.DELTA_MONEY;
import static org.peergrid.cli.ClearCommandTest.csv;
import static org.peergrid.cli.ClearCommandTest.header;
import static org.peergrid.cli.ClearCommandTest.worked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid realtime} end to end: worked example 2 by hand, a 33-bus day, the clear folder, exit codes. */
class RealtimeCommandTest {
  private static final String ACTUALS_HEADER = "interval,participant,load_kw,pv_kw,wind_kw\n";
  @TempDir Path dir;

  static Run realtime(Path scenario, Path out, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "realtime";
    args[1] = "--scenario=" + scenario;
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return PowerflowCommandTest.run(args);
  }

  static JsonNode summary(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  private Path actuals(String rows) throws IOException {
    return Files.writeString(dir.resolve("actuals.csv"), ACTUALS_HEADER + rows);
  }

  /**
   * Worked example 2 (B3: PV 500 kW, load 100 kW in the first half hour, battery charging at its
   * 100 kW limit for the dear second half hour). Its load is actually 150 kW: 50 kW short for half
   * an hour, bought at the real-time import price 5 × 1.2 = 6, i.e. 150; the battery still charges
   * at its limit, since a kWh stored is worth 10 × 0.9 × 0.9 − 0.2 = 7.9 later.
   */
  @Test
  void workedExampleTwoPaysItsShortfallAtTheRealtimeImportPrice() throws IOException {
    Path out = dir.resolve("out");
    Run r = realtime(worked("ex2.yaml"), out, "--actuals", actuals("0,B3,150,,\n").toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("interval   1/2  re-dispatched").contains("deviation    +50.000 kW")
        .contains("Buildings pay   day-ahead 804.05, real-time 954.05: deviations cost 150.00");
    JsonNode s = summary(out);
    assertThat(s.get("dayahead_cost").asDouble()).isCloseTo(804.05, within(DELTA_MONEY));
    assertThat(s.get("deviation_cost").asDouble()).isCloseTo(150, within(DELTA_MONEY));
    assertThat(s.get("realtime_cost").asDouble()).isCloseTo(954.05, within(DELTA_MONEY));
    assertThat(s.get("realtime_utility_bill").asDouble()).isCloseTo(150, within(DELTA_MONEY));
    assertThat(s.get("ac_voltage_violations").asInt()).isZero();
    List<CSVRecord> rows = csv(out.resolve("realtime_settlement.csv"));
    assertThat(rows).hasSize(2);
    assertThat(Double.parseDouble(rows.get(0).get("deviation_kwh"))).isCloseTo(25, within(1e-6));
    assertThat(Double.parseDouble(rows.get(0).get("deviation_price"))).isEqualTo(6);
    assertThat(Double.parseDouble(rows.get(1).get("deviation_kwh"))).isCloseTo(0, within(1e-6));
    assertThat(Double.parseDouble(csv(out.resolve("schedule.csv")).get(0).get("charge_kw"))).isCloseTo(100,
        within(1e-6));
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
          RealtimeCommand.ALL_FILES.stream().filter(f -> !f.startsWith("vc")).toList());
    }
  }

  @Test
  void actualsAsForecastKeepTheClearedScheduleAndCostNothing() throws IOException {
    Path cleared = dir.resolve("cleared");
    assertThat(ClearCommandTest.clear(worked("ex2.yaml"), cleared).exit()).isZero();
    Path out = dir.resolve("out");
    Run r = realtime(worked("ex2.yaml"), out, "--actuals", actuals("").toString(), "--dayahead", cleared.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("day-ahead kept").doesNotContain("re-dispatched (");
    JsonNode s = summary(out);
    assertThat(s.get("deviation_cost").asDouble()).isZero();
    assertThat(s.get("redispatched_intervals").asInt()).isZero();
    assertThat(s.get("dayahead_cost").asDouble()).isEqualTo(ClearCommandTest.summary(cleared).get("total_cost")
        .asDouble());
    assertThat(Files.readString(out.resolve("schedule.csv"))).isEqualTo(Files.readString(cleared.resolve(
        "schedule.csv")));
  }

  /**
   * The day-ahead side is unique and must agree to the files' rounding. The real-time path need
   * not: flat tariff blocks leave batteries several equally good hours, and a difference of 1e-9 kW
   * in the position read back can make the rolling horizon pick another of them, which changes
   * later intervals (docs/realtime.md, limits).
   */
  @Test
  void aClearFolderGivesTheSameDayAheadSettlementAsClearingAgain() throws IOException {
    Path scenario = ieee33();
    Path cleared = dir.resolve("cleared");
    assertThat(ClearCommandTest.clear(scenario, cleared).exit()).isZero();
    Path fromFolder = dir.resolve("from-folder");
    Path fresh = dir.resolve("fresh");
    Run r = realtime(scenario, fromFolder, "--sample-seed", "5", "--dayahead", cleared.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Day ahead       read from " + cleared);
    assertThat(realtime(scenario, fresh, "--sample-seed", "5").exit()).isZero();
    for (String key : new String[] {"dayahead_cost", "dayahead_dso_surplus", "dayahead_utility_bill", "base_cost"}) {
      assertThat(summary(fromFolder).get(key).asDouble()).as(key)
          .isCloseTo(summary(fresh).get(key).asDouble(), within(DELTA_MONEY));
    }
    List<CSVRecord> a = csv(fromFolder.resolve("realtime_settlement.csv"));
    List<CSVRecord> b = csv(fresh.resolve("realtime_settlement.csv"));
    assertThat(a).hasSize(240);
    for (int i = 0; i < a.size(); i++) {
      for (String column : new String[] {"dayahead_kwh", "dayahead_amount"}) {
        assertThat(Double.parseDouble(a.get(i).get(column))).isCloseTo(Double.parseDouble(b.get(i).get(column)),
            within(1e-6));
      }
    }
  }

  @Test
  void aClearFolderOfAnotherScenarioIsRefused() throws IOException {
    Path cleared = dir.resolve("cleared");
    assertThat(ClearCommandTest.clear(worked("ex6.yaml"), cleared).exit()).isZero();
    Run r = realtime(worked("ex2.yaml"), dir.resolve("out"), "--sample-seed", "1", "--dayahead", cleared.toString());
    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(r.err()).startsWith("peergrid: " + cleared.resolve("schedule.csv") + ":2: column participant: \"B2\" "
        + "is not a participant of scenario ex2; was this folder cleared from another scenario?");
  }

  /** Ten buildings on IEEE 33, 24 × 1 h, sampled deviations: the traces, the violations and the sums agree. */
  @Test
  void ieee33DayWithSampledDeviations() throws IOException {
    Path out = dir.resolve("out");
    Run r = realtime(ieee33(), out, "--sample-seed", "3");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("  interval "))).hasSize(24);
    JsonNode s = summary(out);
    assertThat(s.get("redispatched_intervals").asInt()).isEqualTo(24);
    assertThat(s.get("realtime_cost").asDouble() - s.get("dayahead_cost").asDouble())
        .isCloseTo(s.get("deviation_cost").asDouble(), within(DELTA_MONEY));
    assertThat(s.get("deviation_payments").asDouble()).isCloseTo(s.get("realtime_utility_bill").asDouble()
        + s.get("netting_surplus").asDouble(), within(DELTA_MONEY));
    assertThat(s.get("deviation_cost").asDouble()).isNotZero();
    double buildings = csv(out.resolve("realtime_costs.csv")).stream().filter(c -> !c.get("base_cost").isEmpty())
        .mapToDouble(c -> Double.parseDouble(c.get("realtime_cost"))).sum();
    assertThat(buildings).isCloseTo(s.get("realtime_cost").asDouble(), within(DELTA_MONEY));

    List<CSVRecord> voltages = csv(out.resolve("voltage_trace.csv"));
    assertThat(voltages).hasSize(24 * 33);
    assertThat(voltages.stream().mapToDouble(v -> Double.parseDouble(v.get("vm_pu"))).min().orElseThrow())
        .isEqualTo(s.get("ac_vmin_pu").asDouble());
    assertThat(csv(out.resolve("branch_trace.csv"))).hasSize(24 * 32);
    assertThat(header(out.resolve("branch_trace.csv")))
        .isEqualTo("interval,from_bus,to_bus,p_kw,q_kvar,kva,limit_kva,loading_pct");
    List<CSVRecord> violations = csv(out.resolve("violations.csv"));
    assertThat(violations).hasSize(s.get("ac_voltage_violations").asInt() + s.get("ac_branch_violations").asInt());
    for (CSVRecord v : violations) {
      int t = Integer.parseInt(v.get("interval"));
      String bus = v.get("element").replace("bus ", "");
      CSVRecord traced = voltages.stream().filter(x -> x.get("interval").equals(String.valueOf(t))
          && x.get("bus").equals(bus)).findFirst().orElseThrow();
      assertThat(traced.get("vm_pu")).isEqualTo(v.get("value"));
    }
  }

  @Test
  void anInfeasibleDayAheadMarketExitsWithFourAndOnlyTheSummary() throws IOException {
    for (String feeder : new String[] {"toy3.m", "toy3-q300.m"}) {
      Files.copy(worked(feeder), dir.resolve(feeder));
    }
    Path scenario = Files.writeString(dir.resolve("ex3.yaml"),
        Files.readString(worked("ex3.yaml")).replace("\"1-2\": 1500", "\"1-2\": 1000"));
    Path out = dir.resolve("out");
    Run r = realtime(scenario, out, "--sample-seed", "1");

    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(r.err()).startsWith("peergrid: the day-ahead market cannot clear: infeasible");
    JsonNode s = summary(out);
    assertThat(s.get("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(s.get("dayahead_cost").isNull()).isTrue();
    assertThat(s.get("ac_voltage_violations").isNull()).isTrue();
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("summary.json");
    }
  }

  @Test
  void badActualsAndBadUsageExitWithOneAndTwo() throws IOException {
    Run bad = realtime(worked("ex2.yaml"), dir.resolve("out"), "--actuals", actuals("0,B3,x,,\n").toString());
    assertThat(bad.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(bad.err()).isEqualTo("peergrid: " + dir.resolve("actuals.csv")
        + ":2: column load_kw: \"x\" is not a number (kW); leave the cell empty to keep the forecast\n");
    assertThat(realtime(worked("ex2.yaml"), dir.resolve("out"), "--sample-seed", "1", "--actuals", "a.csv").exit())
        .isEqualTo(2);
    assertThat(realtime(worked("ex2.yaml"), dir.resolve("out")).exit()).isEqualTo(2);
  }

  /**
   * The same day with vc-game's day ahead: deviations net inside each community first, so what the
   * members gain is exactly what the operator's netting surplus falls by; the files say it per
   * community and interval.
   */
  @Test
  void vcGameDayAheadNetsDeviationsInsideTheCommunitiesFirst() throws IOException {
    Path out = dir.resolve("out");
    Run r = realtime(ieee33(), out, "--sample-seed", "3", "--mechanism", "vc-game");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Day ahead       cleared now (vc-game, ").contains("VC netting      ");
    JsonNode s = summary(out);
    assertThat(s.get("mechanism").asText()).isEqualTo("vc-game");
    assertThat(s.get("vc_netting_kwh").asDouble()).isPositive();
    assertThat(s.get("netting_surplus").asDouble()).isLessThan(s.get("netting_surplus_alone").asDouble());
    assertThat(s.get("netting_surplus_alone").asDouble() - s.get("netting_surplus").asDouble())
        .isCloseTo(s.get("vc_netting_benefit").asDouble(), within(DELTA_MONEY));
    assertThat(s.get("deviation_payments").asDouble()).isCloseTo(s.get("realtime_utility_bill").asDouble()
        + s.get("netting_surplus").asDouble(), within(DELTA_MONEY));
    assertThat(header(out.resolve("vc_netting.csv"))).isEqualTo(
        "interval,vc,shortfall_kwh,surplus_kwh,netted_kwh,internal_price,residual_kwh,residual_amount,benefit");
    List<CSVRecord> netting = csv(out.resolve("vc_netting.csv"));
    assertThat(netting.stream().mapToDouble(c -> Double.parseDouble(c.get("benefit"))).sum())
        .isCloseTo(s.get("vc_netting_benefit").asDouble(), within(DELTA_MONEY));
    assertThat(netting.stream().mapToDouble(c -> Double.parseDouble(c.get("netted_kwh"))).sum())
        .isCloseTo(s.get("vc_netting_kwh").asDouble(), within(1e-6));
    List<CSVRecord> vcs = csv(out.resolve("vcs.csv"));
    assertThat(vcs).hasSize(10);
    assertThat(netting).hasSize(24 * (int) vcs.stream().map(c -> c.get("vc")).distinct().count());

    Run dlmp = realtime(ieee33(), dir.resolve("dlmp"), "--sample-seed", "3");
    assertThat(dlmp.exit()).as(dlmp.err()).isZero();
    JsonNode d = summary(dir.resolve("dlmp"));
    assertThat(d.get("mechanism").asText()).isEqualTo("dlmp");
    assertThat(d.get("vc_netting_kwh").isNull()).isTrue();
    assertThat(d.get("netting_surplus_alone").asDouble()).isEqualTo(d.get("netting_surplus").asDouble());
    assertThat(dir.resolve("dlmp").resolve("vc_netting.csv")).doesNotExist();
  }

  @Test
  void aClearFolderWithACommunityMechanismOrAnUnknownMechanismIsAUsageError() throws IOException {
    Run folder = realtime(worked("ex2.yaml"), dir.resolve("out"), "--sample-seed", "1", "--mechanism", "vc-coop",
        "--dayahead", dir.toString());
    assertThat(folder.exit()).isEqualTo(2);
    assertThat(folder.err()).contains("--dayahead reads a DLMP day ahead").contains("drop --dayahead");
    Run unknown = realtime(worked("ex2.yaml"), dir.resolve("out"), "--sample-seed", "1", "--mechanism", "nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown --mechanism 'nope'");
  }

  /** IEEE 33-bus, 24 × 1 h: ten buildings with PV, five of them with batteries. */
  private Path ieee33() throws IOException {
    Path feeder = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "feeders", "case33bw.m");
    StringBuilder text = new StringBuilder("name: rt33\nnetwork: {matpower: " + feeder + ", vmin_pu: 0.9, background_profile: 0.8}\n"
        + "horizon: {intervals: 24}\n"
        + "tariff: {import: " + series(t -> t >= 17 && t < 22 ? 9 : t >= 7 ? 6 : 4) + ", export: 2.5}\n"
        + "participants:\n");
    for (int i = 0; i < 10; i++) {
      int bus = 5 + 3 * i;
      double peak = 30 + 4 * i;
      text.append("  - {id: B").append(bus).append(", type: building, bus: ").append(bus).append(", load_kw: ")
          .append(series(t -> 25 + 10 * Math.cos(2 * Math.PI * (t - 19) / 24))).append(", pv_kw: ")
          .append(series(t -> t < 6 || t > 18 ? 0 : peak * Math.sin(Math.PI * (t - 6) / 12)));
      if (i % 2 == 0) {
        text.append(", battery: {capacity_kwh: 80, charge_kw: 25, discharge_kw: 25, efficiency_charge: 0.95,"
            + " efficiency_discharge: 0.95, soc_min: 0.1, soc_max: 0.9, soc_initial: 0.5}");
      }
      text.append("}\n");
    }
    return Files.writeString(dir.resolve("rt33.yaml"), text);
  }

  private static String series(IntToDoubleFunction f) {
    return IntStream.range(0, 24).mapToObj(t -> String.format(Locale.ROOT, "%.3f", f.applyAsDouble(t)))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
