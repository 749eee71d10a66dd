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

/**
 * {@code peergrid region --local-nodes / --cluster} end to end (issue 18 part 4): the bundled region
 * with its DSOs on a node JVM gives the one-JVM region's summary, and bad cluster options fail with
 * clear messages and the documented exit codes.
 */
class RegionClusterCommandTest {
  /** region_summary.json rounds to 9 decimals; the price loop is certified to 1e-9 relative of ~10^4. */
  private static final double MONEY = 1e-4;

  @TempDir Path dir;

  @Test
  void theBundledRegionOnALocalNodeGivesTheOneJvmSummary() throws IOException {
    Path local = dir.resolve("local");
    Path onCluster = dir.resolve("cluster");
    Run inProcess = RegionCommandTest.region(RegionCommandTest.example(), local);
    assertThat(inProcess.exit()).as(inProcess.err()).isZero();
    Run run = PowerflowCommandTest.run("region", "--region", RegionCommandTest.example().toString(), "--out",
        onCluster.toString(), "--local-nodes", "1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Cleared region region3 by prices on the cluster: 3 feeders", "converged");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode a = mapper.readTree(local.resolve(RegionCommand.SUMMARY).toFile());
    JsonNode b = mapper.readTree(onCluster.resolve(RegionCommand.SUMMARY).toFile());
    for (String key : new String[] {"region_cost", "cost_alone", "saving", "exchange_kwh", "netting_value_alone",
        "utility_bill", "utility_bill_alone", "exchange_payments_sum", "substation_payments_sum"}) {
      assertThat(b.get(key).asDouble()).as(key).isCloseTo(a.get(key).asDouble(), within(MONEY));
    }
    for (int f = 0; f < 3; f++) {
      JsonNode fa = a.get("feeders").get(f);
      JsonNode fb = b.get("feeders").get(f);
      assertThat(fb.get("id")).isEqualTo(fa.get("id"));
      for (String key : new String[] {"cost_alone", "cost_in_region", "net_import_kwh", "net_export_kwh",
          "exchange_bought_kwh", "exchange_sold_kwh", "substation_payment", "exchange_payment"}) {
        assertThat(fb.get(key).asDouble()).as(fa.get("id") + " " + key).isCloseTo(fa.get(key).asDouble(),
            within(MONEY));
      }
      // Only prices and quantities reached this JVM; it re-solves each feeder at the last prices for its folder.
      assertThat(onCluster.resolve(fa.get("id").asText()).resolve(ClearCommand.SCHEDULE)).isRegularFile();
    }
    assertThat(b.get("clearing").asText()).isEqualTo("price-coordination");
    assertThat(b.get("price_coordination").get("converged").asBoolean()).isTrue();
    assertThat(b.get("cluster_nodes").asInt()).isEqualTo(1);
    // Host, alone and 2 rounds, each a question and an answer per DSO, and a Stop each: 27.
    int rounds = b.get("price_coordination").get("iterations").asInt();
    assertThat(b.get("cluster_messages").asLong()).isBetween(2L * 3 * (2 + rounds), 2L * 3 * (2 + rounds) + 3);
    assertThat(b.get("cluster_bytes").asLong()).isGreaterThan(b.get("cluster_messages").asLong());
  }

  @Test
  void aClusterAddressWhereNoNodeRunsExitsWithFive() {
    Run run = PowerflowCommandTest.run("region", "--region", RegionCommandTest.example().toString(), "--out",
        dir.resolve("out").toString(), "--cluster", "127.0.0.1:1", "--join-timeout", "3");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_CLUSTER);
    assertThat(run.err()).contains("could not join the cluster at 127.0.0.1:1", "peergrid node")
        .doesNotContain("Exception");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMechanismOnAClusterIsAUsageError() {
    Run run = PowerflowCommandTest.run("region", "--region", RegionCommandTest.example().toString(), "--out",
        dir.resolve("out").toString(), "--local-nodes", "3", "--mechanism", "mmr");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("leave --mechanism out");
  }

  /**
   * A feeder with no schedule, which only its DSO on the node finds out (the region process only
   * loads the files): exit code 4 naming the feeder, as in one JVM, and no region_summary.json.
   */
  @Test
  void aFeederWithoutAScheduleOnTheClusterExitsWithFour() throws IOException {
    Path root = Path.of(System.getProperty("peergrid.root.dir", ".."));
    // 30 kW through a 10 kVA first branch, on the bundled sunny feeder's horizon and tariff
    Files.writeString(dir.resolve("tight.yaml"), "version: 1\ncurrency: INR\nnetwork: {matpower: "
        + root.resolve("examples/feeders/case33bw.m").toAbsolutePath() + ", background_load: false,"
        + " branch_limit_kva: {\"1-2\": 10}}\nhorizon: {intervals: 4, interval_minutes: 360}\n"
        + "tariff: {import: [4, 6, 6, 8], export: 2.5}\n"
        + "participants: [{id: G, type: building, bus: 3, load_kw: [30, 30, 30, 30]}]\n");
    Path region = Files.writeString(dir.resolve("region.yaml"), "version: 1\nfeeders:\n  - {id: sunny, scenario: "
        + root.resolve("examples/region3/sunny.yaml").toAbsolutePath() + "}\n  - {id: tight, scenario: tight.yaml}\n");
    Run run = PowerflowCommandTest.run("region", "--region", region.toString(), "--out",
        dir.resolve("out").toString(), "--local-nodes", "1");
    assertThat(run.exit()).as(run.err()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(run.err()).contains("feeder tight has no schedule alone").doesNotContain("Exception");
    assertThat(dir.resolve("out").resolve(RegionCommand.SUMMARY)).doesNotExist();
  }

  @Test
  void aBadRegionFileIsRefusedBeforeJoining() throws IOException {
    Path region = Files.writeString(dir.resolve("region.yaml"),
        "version: 1\nfeeders:\n  - {id: F1, scenario: nope.yaml}\n");
    Run run = PowerflowCommandTest.run("region", "--region", region.toString(), "--out",
        dir.resolve("out").toString(), "--cluster", "127.0.0.1:1", "--join-timeout", "60");
    assertThat(run.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(run.err()).contains("region.yaml:3:", "nope.yaml does not exist").doesNotContain("Exception");
  }

  @Test
  void bothClusterOptionsAreAUsageError() {
    Run run = PowerflowCommandTest.run("region", "--region", RegionCommandTest.example().toString(), "--out",
        dir.resolve("out").toString(), "--local-nodes", "3", "--cluster", "127.0.0.1:2551");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("not both");
  }
}
