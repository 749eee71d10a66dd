package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid region} end to end: the bundled three-feeder region, and bad region files. */
class RegionCommandTest {
  private static final double MONEY = 1e-6;

  @TempDir Path dir;

  static Path example() {
    return Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "region3", "region.yaml");
  }

  static Run region(Path file, Path out) {
    return PowerflowCommandTest.run("region", "--region", file.toString(), "--out", out.toString());
  }

  @Test
  void theBundledRegionCostsLessTogetherThanItsFeedersAloneWithTheMoneyBalanced() throws IOException {
    Path out = dir.resolve("out");
    Run run = PowerflowCommandTest.run("region", "--region", example().toString(), "--out", out.toString(),
        "--price-coordination");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Cleared region region3 with dlmp: 3 feeders");
    JsonNode summary = new ObjectMapper().readTree(out.resolve(RegionCommand.SUMMARY).toFile());
    double regionCost = summary.get("region_cost").asDouble();
    double alone = summary.get("cost_alone").asDouble();
    assertThat(regionCost).isLessThan(alone - 1);
    assertThat(summary.get("exchange_kwh").asDouble()).isPositive();
    assertThat(summary.get("exchange_payments_sum").asDouble()).isCloseTo(0, within(MONEY));
    assertThat(summary.get("substation_payments_sum").asDouble())
        .isCloseTo(summary.get("utility_bill").asDouble(), within(MONEY));
    double sumAlone = 0;
    double sumInRegion = 0;
    double sumExchange = 0;
    assertThat(summary.get("feeders")).hasSize(3);
    for (JsonNode f : summary.get("feeders")) {
      String id = f.get("id").asText();
      assertThat(f.get("cost_in_region").asDouble()).as(id).isLessThanOrEqualTo(f.get("cost_alone").asDouble() + MONEY);
      sumAlone += f.get("cost_alone").asDouble();
      sumInRegion += f.get("cost_in_region").asDouble();
      sumExchange += f.get("exchange_payment").asDouble();
      for (String name : ClearCommand.ALL_FILES.subList(0, 7)) {
        assertThat(out.resolve(id).resolve(name)).as(id + "/" + name).isRegularFile();
      }
      JsonNode feederSummary = new ObjectMapper().readTree(out.resolve(id).resolve(ClearCommand.SUMMARY).toFile());
      // The feeder's own report: its utility bill is what it pays at the substation.
      assertThat(feederSummary.get("utility_bill").asDouble())
          .isCloseTo(f.get("substation_payment").asDouble(), within(MONEY));
      assertThat(feederSummary.get("settlement_status").asText()).isEqualTo("SETTLED");
      assertThat(feederSummary.get("dispatch_cost").asDouble()).as(id)
          .isCloseTo(f.get("cost_in_region").asDouble(), within(MONEY));
    }
    assertThat(sumAlone).isCloseTo(alone, within(MONEY));
    assertThat(sumInRegion).isCloseTo(regionCost, within(MONEY));
    assertThat(sumExchange).isCloseTo(0, within(MONEY));
    assertThat(summary.get("substation")).hasSize(summary.get("intervals").asInt());
    JsonNode byPrices = summary.get("price_coordination");
    assertThat(byPrices.get("converged").asBoolean()).isTrue();
    assertThat(byPrices.get("region_cost").asDouble()).isCloseTo(regionCost, within(MONEY * (1 + Math.abs(regionCost))));
    assertThat(run.out()).contains("By prices       converged");
    // Each feeder re-solved at the loop's last prices: its own cost there is its cost in the substation's
    // mix, to the loop's gap (1e-9 relative) and the LPs' tolerances, so within MONEY · (1 + |cost|).
    assertThat(byPrices.get("feeders")).hasSize(3);
    for (JsonNode f : byPrices.get("feeders")) {
      String id = f.get("id").asText();
      Path folder = out.resolve(RegionCommand.BY_PRICES).resolve(id);
      assertThat(folder.resolve(ClearCommand.SCHEDULE)).as(id).isRegularFile();
      assertThat(folder.resolve(ClearCommand.SETTLEMENT)).as(id).isRegularFile();
      JsonNode feederSummary = new ObjectMapper().readTree(folder.resolve(ClearCommand.SUMMARY).toFile());
      assertThat(feederSummary.get("settlement_status").asText()).as(id).isEqualTo("SETTLED");
      double cost = f.get("cost_in_region").asDouble();
      assertThat(feederSummary.get("dispatch_cost").asDouble()).as(id)
          .isCloseTo(cost, within(MONEY * (1 + Math.abs(cost))));
    }
  }

  /** A feeder on toy3.m (copied beside it) with one building. */
  private Path feeder(String name, String horizon, String importPrices, String extraNetwork, String building)
      throws IOException {
    Path toy3 = dir.resolve("toy3.m");
    if (!Files.exists(toy3)) {
      Files.copy(ClearCommandTest.worked("toy3.m"), toy3);
    }
    return Files.writeString(dir.resolve(name), """
        version: 1
        network:
          matpower: toy3.m
          background_load: false%s
        horizon: %s
        tariff:
          import: %s
          export: 2
        participants:
          - %s
        """.formatted(extraNetwork, horizon, importPrices, building));
  }

  private Path twoFeeders() throws IOException {
    feeder("a.yaml", "{intervals: 2, interval_minutes: 60}", "[5, 6]", "",
        "{id: A, type: building, bus: 2, load_kw: [0, 0], pv_kw: [50, 50]}");
    feeder("b.yaml", "{intervals: 2, interval_minutes: 60}", "[5, 6]", "",
        "{id: B, type: building, bus: 3, load_kw: [30, 30]}");
    return dir;
  }

  private Run regionText(String text) throws IOException {
    return region(Files.writeString(dir.resolve("region.yaml"), text), dir.resolve("out"));
  }

  @Test
  void aSmallRegionClearsAndWritesEachFeedersFolder() throws IOException {
    twoFeeders();
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F2, scenario: b.yaml}\n");
    assertThat(run.exit()).as(run.err()).isZero();
    // Hand: 30 kWh of A's 50 serve B in each hour: (import − export) × 30 saved per hour.
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("out").resolve(RegionCommand.SUMMARY).toFile());
    assertThat(summary.get("saving").asDouble()).isCloseTo((5 - 2) * 30 + (6 - 2) * 30, within(MONEY));
    assertThat(summary.get("exchange_kwh").asDouble()).isCloseTo(60, within(1e-6));
    assertThat(summary.get("price_coordination").isNull()).isTrue();
    assertThat(dir.resolve("out/F1/schedule.csv")).isRegularFile();
    assertThat(dir.resolve("out/F2/settlement.csv")).isRegularFile();
  }

  /**
   * Inside a feeder of a region the root trades at one price λ_t both ways, so the price-range
   * mechanisms have nothing left to split: mmr settles everyone at λ, and bargaining's payment
   * bounds collapse to each building's trade at λ (docs/region.md, "Inside each feeder").
   */
  @Test
  void priceRangeMechanismsSettleAtTheSubstationPriceAndBargainingHasNoRoom() {
    Run mmr = PowerflowCommandTest.run("region", "--region", example().toString(), "--out",
        dir.resolve("mmr").toString(), "--mechanism", "mmr");
    assertThat(mmr.exit()).as(mmr.err()).isZero();
    Run nash = PowerflowCommandTest.run("region", "--region", example().toString(), "--out",
        dir.resolve("nash").toString(), "--mechanism", "nash");
    assertThat(nash.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(nash.err()).contains("feeder sunny: nash cannot settle its day in the region");
    assertThat(dir.resolve("nash").resolve(RegionCommand.SUMMARY)).isRegularFile();
  }

  @Test
  void aMissingScenarioIsNamedWithTheRegionFilesLine() throws IOException {
    twoFeeders();
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F2, scenario: nope.yaml}\n");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(run.err()).contains("region.yaml:4:").contains("feeders[1].scenario").contains("nope.yaml does not exist")
        .doesNotContain("Exception");
  }

  @Test
  void feedersWithDifferentHorizonsAreRefusedNamingBothFilesAndValues() throws IOException {
    twoFeeders();
    feeder("c.yaml", "{intervals: 3, interval_minutes: 60}", "[5, 6, 6]", "",
        "{id: C, type: building, bus: 3, load_kw: [30, 30, 30]}");
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F3, scenario: c.yaml}\n");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(run.err()).contains("region.yaml:4:").contains("c.yaml").contains("a.yaml")
        .contains("has 3 intervals of 60 minutes").contains("has 2 of 60");
  }

  @Test
  void aFeederWithAnotherTariffIsRefusedAtItsKey() throws IOException {
    twoFeeders();
    feeder("d.yaml", "{intervals: 2, interval_minutes: 60}", "[5, 7]", "",
        "{id: D, type: building, bus: 3, load_kw: [30, 30]}");
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F4, scenario: d.yaml}\n");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(run.err()).contains("d.yaml:7:").contains("tariff.import is 7.0 in interval 1 but 6.0 for feeder F1");
  }

  @Test
  void duplicateIdsNoFeedersUnknownKeysAndWrongVersionsAreRefused() throws IOException {
    twoFeeders();
    Run duplicate = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F1, scenario: b.yaml}\n");
    assertThat(duplicate.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(duplicate.err()).contains("region.yaml:4:").contains("feeder id F1 is used twice (also at line 3)");
    Run none = regionText("version: 1\nfeeders: []\n");
    assertThat(none.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(none.err()).contains("region.yaml:2:").contains("no feeders");
    Run unknown = regionText("version: 1\nfeeder:\n  - {id: F1, scenario: a.yaml}\n");
    assertThat(unknown.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(unknown.err()).contains("region.yaml:2:").contains("feeder: unknown key");
    Run unknownInFeeder = regionText("version: 1\nfeeders:\n  - {id: F1, scenaro: a.yaml}\n");
    assertThat(unknownInFeeder.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(unknownInFeeder.err()).contains("region.yaml:3:").contains("feeders[0].scenaro: unknown key");
    Run version = regionText("version: 2\nfeeders:\n  - {id: F1, scenario: a.yaml}\n");
    assertThat(version.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(version.err()).contains("region.yaml:1:").contains("unsupported region format version 2");
    Run noVersion = regionText("feeders:\n  - {id: F1, scenario: a.yaml}\n");
    assertThat(noVersion.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(noVersion.err()).contains("missing required key version");
    Run badId = regionText("version: 1\nfeeders:\n  - {id: ../x, scenario: a.yaml}\n");
    assertThat(badId.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(badId.err()).contains("not a plain folder name");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anAcCorrectedFeederIsRefusedAtItsKey() throws IOException {
    twoFeeders();
    feeder("e.yaml", "{intervals: 2, interval_minutes: 60}", "[5, 6]", "\n  ac_correction: true",
        "{id: E, type: building, bus: 3, load_kw: [30, 30]}");
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F5, scenario: e.yaml}\n");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(run.err()).contains("e.yaml:5:").contains("network.ac_correction: true is not available in a region");
  }

  @Test
  void aFeederWithoutAFeasibleDayMakesTheRegionInfeasible() throws IOException {
    twoFeeders();
    feeder("f.yaml", "{intervals: 2, interval_minutes: 60}", "[5, 6]", "\n  branch_limit_kva: {\"1-2\": 10}",
        "{id: G, type: building, bus: 3, load_kw: [30, 30]}");
    Run run = regionText("version: 1\nfeeders:\n  - {id: F1, scenario: a.yaml}\n  - {id: F6, scenario: f.yaml}\n");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(run.err()).contains("feeder F6").contains("f.yaml").contains("thermal");
  }

  @Test
  void withoutARegionFileTheUsageIsWrong() {
    Run run = PowerflowCommandTest.run("region", "--out", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--region");
  }
}
