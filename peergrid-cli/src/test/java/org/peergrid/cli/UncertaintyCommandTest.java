package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid uncertainty} end to end: files, keys, numbers that are known, exit codes. */
class UncertaintyCommandTest {
  @TempDir Path dir;

  /** Worked example 6 (load 100 kW, PV 100 kW at bus 2) with a heavier load, so the building always imports. */
  private Path importing() throws IOException {
    for (String feeder : new String[] {"toy3.m", "toy3-q300.m"}) {
      Files.copy(ClearCommandTest.worked(feeder), dir.resolve(feeder));
    }
    String text = Files.readString(ClearCommandTest.worked("ex6.yaml"));
    assertThat(text).contains("load_kw: 100");
    return Files.writeString(dir.resolve("ex6.yaml"), text.replace("load_kw: 100", "load_kw: 300, power_factor: 1"));
  }

  static Run uncertainty(Path scenario, Path out, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "uncertainty";
    args[1] = "--scenario=" + scenario;
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return PowerflowCommandTest.run(args);
  }

  private static JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void pointEstimateWritesTheSummaryAndTheTables() throws IOException {
    Path out = dir.resolve("pem");
    Run r = uncertainty(importing(), out, "--method", "pem2m+1", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(out.resolve("uncertainty.json"));
    assertThat(j.get("method").asText()).isEqualTo("pem2m+1");
    assertThat(j.get("random_inputs").asInt()).isEqualTo(1);
    assertThat(j.get("evaluations").asInt()).isEqualTo(3);
    assertThat(j.get("failed_evaluations").asInt()).isZero();
    assertThat(j.get("wall_ms").asLong()).isNotNegative();
    // cost = 5 × (300 − PV) × 1 h with PV of mean 100 and std 0.2 × 100: linear, so exact
    assertThat(j.get("total_cost_mean").asDouble()).isCloseTo(1000, within(1e-6));
    assertThat(j.get("total_cost_std").asDouble()).isCloseTo(100, within(1e-6));
    assertThat(j.get("vmin_mean").asDouble()).isBetween(0.9, 1.0);
    assertThat(j.get("vmin_std").asDouble()).isPositive();
    assertThat(j.get("samples").isNull()).isTrue();
    assertThat(j.get("files").toString()).isEqualTo(
        "[\"uncertainty.json\",\"dlmp_stats.csv\",\"participant_costs.csv\"]");
    assertThat(ClearCommandTest.header(out.resolve("dlmp_stats.csv"))).isEqualTo("method,interval,bus,dlmp_mean,dlmp_std");
    List<CSVRecord> prices = ClearCommandTest.csv(out.resolve("dlmp_stats.csv"));
    assertThat(prices).hasSize(3);
    assertThat(prices.get(2).get("bus")).isEqualTo("3");
    assertThat(prices.get(2).get("dlmp_mean")).isEqualTo("5");
    assertThat(prices.get(2).get("dlmp_std")).isEqualTo("0");
    List<CSVRecord> costs = ClearCommandTest.csv(out.resolve("participant_costs.csv"));
    assertThat(costs).hasSize(1);
    assertThat(Double.parseDouble(costs.get(0).get("cost_std"))).isCloseTo(100, within(1e-6));
    assertThat(j.get("correlation").asText()).isEqualTo("common");
    assertThat(r.out()).contains("Random inputs   m = 1 (pv 1, wind 0, load 0), common weather; 2 threads")
        .contains("pem2m+1         3 clearings").contains("total cost    mean 1000.00, std 100.00");
    assertThat(r.err()).contains("pem2m+1: 3/3 clearings (100 %)");
  }

  /** With one PV building both correlations give the same figures; the flag overrides the file's key. */
  @Test
  void correlationOnTheCommandLineOverridesTheScenario() throws IOException {
    Path scenario = importing();
    Files.writeString(scenario, Files.readString(scenario) + "uncertainty: {correlation: common}\n");
    Path out = dir.resolve("independent");
    Run r = uncertainty(scenario, out, "--method", "pem2m+1", "--threads", "2", "--correlation", "independent");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(out.resolve("uncertainty.json"));
    assertThat(j.get("correlation").asText()).isEqualTo("independent");
    assertThat(j.get("total_cost_mean").asDouble()).isCloseTo(1000, within(1e-6));
    assertThat(j.get("total_cost_std").asDouble()).isCloseTo(100, within(1e-6));
    assertThat(r.out()).contains("m = 1 (pv 1, wind 0, load 0), independent weather");
  }

  @Test
  void monteCarloWithTheSameSeedWritesTheSameFigures() throws IOException {
    Path scenario = importing();
    Run a = uncertainty(scenario, dir.resolve("a"), "--method", "mc", "--samples", "300", "--seed", "9");
    Run b = uncertainty(scenario, dir.resolve("b"), "--method", "mc", "--samples", "300", "--seed", "9",
        "--threads", "1");
    assertThat(a.exit()).as(a.err()).isZero();
    assertThat(b.exit()).isZero();
    ObjectNode ja = (ObjectNode) json(dir.resolve("a/uncertainty.json"));
    ObjectNode jb = (ObjectNode) json(dir.resolve("b/uncertainty.json"));
    assertThat(ja.get("samples").asInt()).isEqualTo(300);
    assertThat(ja.get("seed").asLong()).isEqualTo(9);
    for (ObjectNode j : List.of(ja, jb)) {
      j.remove(List.of("wall_ms", "ms_per_evaluation", "threads"));
    }
    assertThat(ja).isEqualTo(jb);
    assertThat(Files.readString(dir.resolve("a/dlmp_stats.csv"))).isEqualTo(Files.readString(dir.resolve("b/dlmp_stats.csv")));
    // 300 samples: the mean within 4 standard errors of the exact 1000
    assertThat(ja.get("total_cost_mean").asDouble()).isCloseTo(1000, within(4 * 100 / Math.sqrt(300)));
  }

  @Test
  void compareWritesEachRunAndTheErrorsAgainstMonteCarlo() throws IOException {
    Path out = dir.resolve("cmp");
    Run r = uncertainty(importing(), out, "--method", "compare", "--samples", "200");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = json(out.resolve("uncertainty.json"));
    assertThat(j.get("method").asText()).isEqualTo("compare");
    assertThat(j.get("evaluations").asInt()).isEqualTo(2 + 3 + 200);
    assertThat(j.get("results")).hasSize(3);
    assertThat(j.get("results").get(2).get("method").asText()).isEqualTo("mc");
    JsonNode error = j.get("errors").get(0);
    assertThat(error.get("method").asText()).isEqualTo("pem2m");
    double mcMean = j.get("results").get(2).get("total_cost_mean").asDouble();
    assertThat(error.get("total_cost_mean_error").asDouble()).isCloseTo(1000 - mcMean, within(1e-6));
    List<CSVRecord> rows = ClearCommandTest.csv(out.resolve("comparison.csv"));
    // per estimate: total cost, vmin, 1 participant, 3 buses × 1 interval
    assertThat(rows).hasSize(2 * 6);
    assertThat(rows.get(0).get("output")).isEqualTo("total_cost");
    assertThat(rows.get(0).get("reference")).isEqualTo("mc");
    assertThat(Double.parseDouble(rows.get(0).get("relative_mean_error")))
        .isCloseTo(Math.abs(1000 - mcMean) / mcMean, within(1e-9));
    assertThat(rows.get(5).get("bus")).isEqualTo("3");
    assertThat(rows.get(5).get("mean_error")).isEqualTo("0"); // every DLMP is the tariff, in every evaluation
    assertThat(rows.get(5).get("std_error")).isEqualTo("0");
    assertThat(r.out()).contains("pem2m vs mc").contains("pem2m+1 vs mc");
  }

  @Test
  void infeasibleEvaluationsAreReportedNotFatalForMonteCarlo() throws IOException {
    Path scenario = importing();
    String text = Files.readString(scenario).replace("network: {matpower: toy3.m, ac_correction: false}",
        "network: {matpower: toy3.m, ac_correction: false, branch_limit_kva: {\"1-2\": 290}}\n"
            + "uncertainty: {random: [load]}");
    Files.writeString(scenario, text.replace("pv_kw: 100", "pv_kw: 0"));
    Run mc = uncertainty(scenario, dir.resolve("mc"), "--method", "mc", "--samples", "200");
    assertThat(mc.exit()).as(mc.err()).isZero();
    assertThat(mc.err()).contains("samples were infeasible and are left out");
    JsonNode j = json(dir.resolve("mc/uncertainty.json"));
    assertThat(j.get("failed_evaluations").asInt()).isBetween(100, 155); // P(load > 290) = 63 %: 126 ± 3.5σ
    assertThat(j.get("failure").asText()).contains("thermal limits");
    Run pem = uncertainty(scenario, dir.resolve("pem"), "--method", "pem2m");
    assertThat(pem.exit()).isEqualTo(PeergridCommand.EXIT_INFEASIBLE);
    assertThat(pem.err()).contains("pem2m: 1 of 2 evaluations were infeasible, so there are no statistics");
    assertThat(json(dir.resolve("pem/uncertainty.json")).get("total_cost_mean").isNull()).isTrue();
  }

  @Test
  void badMethodsAndBadBlocksAreUsageAndInputErrors() throws IOException {
    Path scenario = importing();
    Run method = uncertainty(scenario, dir.resolve("x"), "--method", "pem3");
    assertThat(method.exit()).isEqualTo(2);
    assertThat(method.err()).contains("unknown --method 'pem3'; use pem2m, pem2m+1, mc or compare");
    Run threads = uncertainty(scenario, dir.resolve("x"), "--method", "mc", "--threads", "0");
    assertThat(threads.exit()).isEqualTo(2);
    assertThat(threads.err()).contains("--threads must be at least 1, got 0");
    Run correlation = uncertainty(scenario, dir.resolve("x"), "--method", "mc", "--correlation", "regional");
    assertThat(correlation.exit()).isEqualTo(2);
    assertThat(correlation.err()).contains("unknown --correlation 'regional'; use common or independent");
    Files.writeString(scenario, Files.readString(scenario) + "uncertainty: {pv: {rated_factor: 0.5}}\n");
    Run block = uncertainty(scenario, dir.resolve("y"), "--method", "mc");
    assertThat(block.exit()).isEqualTo(PeergridCommand.EXIT_INPUT);
    assertThat(block.err()).contains("ex6.yaml").contains("uncertainty.pv: rated_factor must be a number >= 1");
  }

  @Test
  void helpNamesTheMethodsAndTheExitCodeAndFitsEightyColumns() {
    Run help = PowerflowCommandTest.run("uncertainty", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--method=METHOD").contains("pem2m, pem2m+1, mc, or compare")
        .contains("--samples=N").contains("(default: 10000)").contains("4 an estimate has no statistics");
    assertThat(help.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(PowerflowCommandTest.run("--help").out())
        .contains("uncertainty  Statistics of a scenario's cleared day under uncertain PV");
  }
}
