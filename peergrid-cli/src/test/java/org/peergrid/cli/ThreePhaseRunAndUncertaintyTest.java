package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.testing.ThreePhaseExample;

/** {@code peergrid run} and {@code peergrid uncertainty} on the three-phase example examples/ieee13-3ph. */
class ThreePhaseRunAndUncertaintyTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;

  @TempDir Path out;

  /**
   * Every mechanism side by side, the phase prices, the report and the run block's PEM 2m+1 (25 clearings);
   * without the games (--no-games: ThreePhaseRunStagesTest runs them).
   */
  @Test
  void runWritesTheMechanismsThePhasePricesTheReportAndThePem() throws Exception {
    PowerflowCommandTest.Run run = PowerflowCommandTest.run("run", EXAMPLE.toString(), "--no-games", "--out",
        out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.get("status").asText()).isEqualTo("OPTIMAL");
    assertThat(s.get("report").asText()).isEqualTo("report.html");
    assertThat(s.get("mechanisms")).hasSize(8);
    assertThat(s.get("mechanisms").findValuesAsText("status")).containsOnly("SETTLED");
    assertThat(s.get("not_run").toString()).isEqualTo("[\"variants\"]");
    assertThat(s.has("vc_coop") || s.has("vc_game") || s.has("realtime")).isFalse();
    // p2p-nuc as a stage, as on a MATPOWER run: on the example as shipped it stops at max_iterations (nuc-ev.md)
    assertThat(s.get("p2p_nuc").get("converged").asBoolean()).isFalse();
    assertThat(s.get("p2p_nuc").get("message").asText()).startsWith("stopped at max_iterations 30");
    assertThat(s.get("p2p_nuc").get("trades").asInt()).isEqualTo(
        ClearCommandTest.csv(out.resolve("nuc_trades.csv")).size());
    assertThat(s.get("uncertainty").get("method").asText()).isEqualTo("pem2m+1");
    assertThat(s.get("uncertainty").get("evaluations").asInt()).isEqualTo(25);
    assertThat(s.get("uncertainty").get("failed_evaluations").asInt()).isZero();
    assertThat(s.get("uncertainty").get("total_cost_std").asDouble()).isPositive();
    for (JsonNode f : s.get("files")) {
      assertThat(out.resolve(f.asText())).as(f.asText()).exists();
    }
    assertThat(s.get("files").toString()).doesNotContain("vcs.csv", "vc_trades.csv", "realtime_").contains("compare.csv", "phase_prices.csv", "phase_dlmp.png", "nuc_trades.csv",
        "dlmp_stats.csv", "participant_costs.csv", "schedule.csv", "phase_ac_check.csv");
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("lmp-sharing", "Phase prices", "Uncertainty", "phase_dlmp.png",
        "P2P trades with network utilization charges");
    // the feeder map: every bus once, placed as FeederLayout places the tree, at the mean of its phases' DLMPs
    List<CSVRecord> map = ClearCommandTest.csv(out.resolve("feeder_dlmp.csv"));
    assertThat(map).hasSize(16).extracting(r -> r.get("bus")).doesNotHaveDuplicates().contains("sourcebus", "675");
    assertThat(map.get(0).get("parent_bus")).isEmpty();
    assertThat(out.resolve("feeder_dlmp.png")).exists();
    assertThat(html).contains("The feeder and its prices at the peak");
    String peak = map.get(0).get("interval");
    List<CSVRecord> prices = ClearCommandTest.csv(out.resolve("phase_prices.csv"));
    for (String bus : List.of("675", "611", "652")) {
      double mean = prices.stream().filter(r -> r.get("interval").equals(peak) && r.get("bus").equals(bus))
          .mapToDouble(r -> Double.parseDouble(r.get("dlmp"))).average().orElseThrow();
      double drawn = map.stream().filter(r -> r.get("bus").equals(bus)).mapToDouble(r -> Double.parseDouble(
          r.get("dlmp"))).findFirst().orElseThrow();
      assertThat(drawn).as(bus).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-8));
    }
    List<CSVRecord> stats = ClearCommandTest.csv(out.resolve("dlmp_stats.csv"));
    assertThat(stats).extracting(r -> r.get("bus")).contains("675.a", "675.b", "675.c", "611.c");
    assertThat(run.out()).contains("three-phase").contains("pem2m+1");
  }

  /** A short Monte Carlo through the command. */
  @Test
  void uncertaintyRunsAMonteCarlo() throws Exception {
    PowerflowCommandTest.Run run = PowerflowCommandTest.run("uncertainty", "--scenario", EXAMPLE.toString(),
        "--method", "mc", "--samples", "6", "--seed", "3", "--threads", "2", "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("uncertainty.json").toFile());
    assertThat(s.get("evaluations").asInt()).isEqualTo(6);
    assertThat(s.get("random_inputs").asInt()).isEqualTo(12);
    assertThat(s.get("total_cost_std").asDouble()).isPositive();
    assertThat(ClearCommandTest.csv(out.resolve("participant_costs.csv"))).hasSize(13);
    assertThat(run.out()).contains("three-phase");
  }
}
