package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.cli.ClearCommandTest.csv;
import static org.peergrid.cli.ClearCommandTest.header;
import static org.peergrid.cli.ClearCommandTest.worked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid compare} end to end on worked example 1 (docs/WORKED_EXAMPLES.md). */
class CompareCommandTest {
  static final double DELTA_MONEY = 1e-4;
  static final List<String> NAMES = List.of("dlmp", "nash", "ks", "sdr", "mmr", "bill-sharing", "incentive",
      "lmp-sharing");

  @TempDir Path dir;

  /**
   * Example 1: B2 (400 kW) and B3 (1200 kW) alone pay 5 per kWh, 8000 together. The schedule runs G3
   * at 908.33 kW to hold bus 3's voltage; the DLMPs (6 at bus 2, 8 at bus 3) make the buildings pay
   * 12000, so cooperation at DLMPs costs them 4000 and no bargain is individually rational. The
   * pricing rules, which ignore the network, settle at the tariffs: MMR with S = 908.33,
   * D = 1600 gives sellers 3.5 and buyers (3.5·908.33 + 5·691.67)/1600 = 4.1484, i.e. 6637.5 for
   * the buildings, a saving of 1362.5; G3 earns 3.5 per kWh against its cost of 8: −4087.5.
   */
  @Test
  void everyMechanismOnExampleOneWithFilesHeadersAndKeys() throws Exception {
    Path out = dir.resolve("cmp");
    Run r = PowerflowCommandTest.run("compare", "--scenario", worked("ex1.yaml").toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("compare.csv",
          "compare.json", "prices.csv", "schedule.csv", "dlmp", "nash", "ks", "sdr", "mmr", "bill-sharing",
          "incentive", "lmp-sharing");
    }
    assertThat(header(out.resolve("compare.csv"))).isEqualTo("mechanism,status,community_cost,savings,savings_pct,"
        + "min_saving,max_saving,worse_off,jain_index,dg_profit,dg_alone_profit,dso_surplus,run_ms,message");
    List<CSVRecord> rows = csv(out.resolve("compare.csv"));
    assertThat(rows).extracting(x -> x.get("mechanism")).containsExactlyElementsOf(NAMES);

    CSVRecord dlmp = rows.get(0);
    assertThat(Double.parseDouble(dlmp.get("community_cost"))).isCloseTo(12000, within(DELTA_MONEY));
    assertThat(Double.parseDouble(dlmp.get("savings"))).isCloseTo(-4000, within(DELTA_MONEY));
    assertThat(dlmp.get("worse_off")).isEqualTo("2");
    // Savings −400 and −3600, shifted by the worst: (3200, 0) → J = 1/2.
    assertThat(Double.parseDouble(dlmp.get("jain_index"))).isCloseTo(0.5, within(1e-9));
    assertThat(Double.parseDouble(dlmp.get("dso_surplus"))).isCloseTo(1275, within(1e-3));
    assertThat(Double.parseDouble(dlmp.get("dg_profit"))).isCloseTo(0, within(1e-3));

    // With the network rent 1275 returned, B = 10725: the DG's 908.333 kWh at 8 instead of 5 still
    // cost the community 2725 against the base case, which ignores the voltage limit.
    for (CSVRecord bargain : List.of(rows.get(1), rows.get(2), rows.get(7))) {
      assertThat(bargain.get("status")).isEqualTo("NO_SPLIT");
      assertThat(bargain.get("community_cost")).isEmpty();
      assertThat(bargain.get("message")).contains("S = Σ C⁰ − B = -2725.00");
    }
    CSVRecord mmr = rows.get(4);
    assertThat(Double.parseDouble(mmr.get("community_cost"))).isCloseTo(6637.5, within(DELTA_MONEY));
    assertThat(Double.parseDouble(mmr.get("savings"))).isCloseTo(1362.5, within(DELTA_MONEY));
    assertThat(Double.parseDouble(mmr.get("dg_profit"))).isCloseTo(-4087.5, within(DELTA_MONEY));
    assertThat(mmr.get("worse_off")).isEqualTo("0");
    assertThat(rows).allSatisfy(x -> assertThat(Double.parseDouble(x.get("run_ms"))).isNotNegative());

    JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
    assertThat(json.fieldNames()).toIterable().contains("scenario", "status", "diagnosis", "base_cost",
        "utility_bill", "mechanisms", "files");
    assertThat(json.get("base_cost").asDouble()).isCloseTo(8000, within(DELTA_MONEY));
    JsonNode first = json.get("mechanisms").get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("mechanism", "status", "message", "community_cost",
        "savings", "savings_pct", "min_saving", "max_saving", "worse_off", "jain_index", "dso_surplus", "generators",
        "run_ms");
    assertThat(first.get("generators").get(0).get("id").asText()).isEqualTo("G3");
    assertThat(json.get("mechanisms").get(1).get("community_cost").isNull()).isTrue();

    assertThat(out.resolve("nash")).isEmptyDirectory();
    assertThat(header(out.resolve("sdr/settlement_intervals.csv"))).startsWith("interval,participant,");
    assertThat(csv(out.resolve("mmr/settlement.csv"))).extracting(x -> x.get("participant"))
        .containsExactly("B2", "B3", "G3");

    assertThat(r.out()).contains("Compared 8 mechanisms on ex1").contains("nash          NO_SPLIT")
        .containsPattern("mmr +6637\\.50 +17\\.03 ");
  }

  /**
   * The README's example community saves under every mechanism; bargaining leaves nobody worse off,
   * Nash with equal weights gives every building the same saving (Jain's index 1), and the
   * generator, whose cost 5 is above the export tariff 2.5, earns more than alone both at its DLMP
   * (dlmp) and paid its DLMP less half its gain (nash).
   */
  @Test
  void exampleCommunityBargainsWithoutLosers() throws Exception {
    Path scenario = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "scenarios",
        "community33.yaml");
    Path out = dir.resolve("c33");
    Run r = PowerflowCommandTest.run("compare", "--scenario", scenario.toString(), "--out", out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    List<CSVRecord> rows = csv(out.resolve("compare.csv"));
    assertThat(rows).allSatisfy(x -> assertThat(x.get("status")).isEqualTo("SETTLED"));
    assertThat(rows).allSatisfy(x -> assertThat(Double.parseDouble(x.get("savings"))).isPositive());
    CSVRecord nash = rows.get(1);
    assertThat(nash.get("worse_off")).isEqualTo("0");
    assertThat(Double.parseDouble(nash.get("jain_index"))).isCloseTo(1, within(1e-9));
    assertThat(Double.parseDouble(nash.get("min_saving"))).isCloseTo(Double.parseDouble(nash.get("max_saving")),
        within(1e-6));
    assertThat(rows.get(2).get("worse_off")).isEqualTo("0");
    // Nash, KS and the incentive rule split the same bill B: the same community cost.
    assertThat(Double.parseDouble(rows.get(2).get("community_cost")))
        .isCloseTo(Double.parseDouble(nash.get("community_cost")), within(DELTA_MONEY));
    assertThat(Double.parseDouble(rows.get(0).get("dg_profit")))
        .isGreaterThan(Double.parseDouble(rows.get(0).get("dg_alone_profit")));
    double nashGain = Double.parseDouble(nash.get("dg_profit")) - Double.parseDouble(nash.get("dg_alone_profit"));
    double dlmpGain = Double.parseDouble(rows.get(0).get("dg_profit"))
        - Double.parseDouble(rows.get(0).get("dg_alone_profit"));
    assertThat(nashGain).isPositive().isLessThan(dlmpGain);
  }

  @Test
  void anInfeasibleDayExitsWithFourAndOnlyTheJson() throws Exception {
    ClearCommandTest helper = new ClearCommandTest();
    helper.dir = dir;
    Path scenario = helper.variant("ex3.yaml", "\"1-2\": 1500", "\"1-2\": 1000");
    Path out = dir.resolve("out");

    Run r = PowerflowCommandTest.run("compare", "--scenario", scenario.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(r.err()).startsWith("peergrid: ").contains("1000.0 kVA");
    JsonNode json = new ObjectMapper().readTree(out.resolve("compare.json").toFile());
    assertThat(json.get("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(json.get("mechanisms")).isEmpty();
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("compare.json");
    }
  }

  @Test
  void helpNamesTheFilesAndExitCodes() {
    Run help = PowerflowCommandTest.run("compare", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--scenario=FILE").contains("--out=DIR").contains("compare.csv")
        .contains("4 the day is infeasible");
    assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }
}
