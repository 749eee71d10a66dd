package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.peergrid.cli.ClearCommandTest.csv;
import static org.peergrid.cli.ClearCommandTest.header;
import static org.peergrid.cli.ClearCommandTest.worked;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.peergrid.cli.PowerflowCommandTest.Run;

/**
 * {@code peergrid run} with the stages that a scenario's run block asks for, on worked example 2
 * (one building with PV and a battery, two half-hours on toy3): the uncertainty and real-time
 * sections, their charts and files, their keys in summary.json, and the options that override them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunStagesTest {
  static final Path SRC = Path.of("target", "run-stages-src");
  static final Path OUT = Path.of("target", "run-stages");
  static final String RUN_BLOCK = "run: {uncertainty: {method: pem2m+1}, realtime: {sample_seed: 3}}\n";

  /** Each chart and the header its data file starts with. */
  static final Map<String, String> CHARTS = Map.of(
      "uncertainty_dlmp", "method,interval,bus,dlmp_mean,dlmp_std",
      "realtime_costs", "participant,base_cost,dayahead_cost,deviation_payment,degradation_change,deviation_cost,"
          + "realtime_cost",
      "realtime_voltage", "interval,start_h,realtime_vmin_pu,realtime_vmin_bus,dayahead_vmin_pu");

  Run run;
  String html;
  JsonNode summary;

  /** Example 2 with {@code extra} appended, beside toy3.m. */
  static Path example2(String name, String extra) throws Exception {
    Files.createDirectories(SRC);
    Files.copy(worked("toy3.m"), SRC.resolve("toy3.m"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return Files.writeString(SRC.resolve(name), Files.readString(worked("ex2.yaml")) + extra);
  }

  @BeforeAll
  void runWithBothStages() throws Exception {
    run = PowerflowCommandTest.run("run", example2("ex2-stages.yaml", RUN_BLOCK).toString(), "--out", OUT.toString());
    html = Files.readString(OUT.resolve("report.html"));
    summary = new ObjectMapper().readTree(OUT.resolve("summary.json").toFile());
  }

  @Test
  void theStagesShowOnTheConsoleAndAsSections() {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("Uncertainty of PV, wind and load", "Real time: re-dispatch, two settlements");
    assertThat(html).contains("<section id=\"uncertainty\">", "<section id=\"realtime\">",
        "<a href=\"#uncertainty\">", "<a href=\"#realtime\">");
  }

  @Test
  void everyStageChartIsAPngWithDataBesideIt() throws Exception {
    for (Map.Entry<String, String> chart : CHARTS.entrySet()) {
      BufferedImage image = ImageIO.read(OUT.resolve(chart.getKey() + ".png").toFile());
      assertThat(image).as(chart.getKey()).isNotNull();
      assertThat(RunCommandTest.colours(image)).as("a chart, not a blank image: " + chart.getKey()).isGreaterThan(20);
      assertThat(header(OUT.resolve(chart.getKey() + ".csv"))).isEqualTo(chart.getValue());
      assertThat(html).contains("href=\"" + chart.getKey() + ".csv\"");
    }
    assertThat(csv(OUT.resolve("uncertainty_dlmp.csv"))).hasSize(2 * 3); // 2 intervals x 3 buses
    assertThat(csv(OUT.resolve("uncertainty_costs.csv"))).hasSize(1);
    assertThat(csv(OUT.resolve("realtime_costs.csv"))).hasSize(1);
    assertThat(csv(OUT.resolve("realtime_voltage.csv"))).hasSize(2);
    assertThat(csv(OUT.resolve("realtime_voltage_trace.csv"))).hasSize(2 * 3);
  }

  /**
   * One random input (B3's PV in interval 0), so 2m+1 = 3 clearings. The day's cost is linear in
   * that PV (all of it offsets imports at the interval's DLMP), where the point estimate is exact:
   * its mean is the deterministic cost 804.05.
   */
  @Test
  void summaryGainsTheStagesFigures() {
    JsonNode u = summary.get("uncertainty");
    assertThat(u.get("method").asText()).isEqualTo("pem2m+1");
    assertThat(u.get("random_inputs").asInt()).isEqualTo(1);
    assertThat(u.get("correlation").asText()).isEqualTo("common");
    assertThat(u.get("evaluations").asInt()).isEqualTo(3);
    assertThat(u.get("failed_evaluations").asInt()).isZero();
    assertThat(u.get("total_cost_mean").asDouble()).isCloseTo(804.05, within(1e-6));
    assertThat(u.get("total_cost_std").asDouble()).isGreaterThan(0);
    JsonNode rt = summary.get("realtime");
    assertThat(rt.get("actuals").asText()).startsWith("sampled with seed 3");
    assertThat(rt.get("dayahead_cost").asDouble()).isCloseTo(804.05, within(1e-6));
    assertThat(rt.get("realtime_cost").asDouble() - rt.get("dayahead_cost").asDouble())
        .isCloseTo(rt.get("deviation_cost").asDouble(), within(1e-6));
    assertThat(rt.get("deviation_cost").asDouble()).isNotZero(); // the sampled day is not the forecast
    assertThat(rt.get("deviation_payments").asDouble()).as("money balances").isCloseTo(
        rt.get("realtime_utility_bill").asDouble() + rt.get("netting_surplus").asDouble(), within(1e-6));
    assertThat(rt.get("ac_voltage_violations").asInt()).isZero();
    assertThat(summary.at("/clearing/base_cost").asDouble()).as("the day-ahead figures are unchanged")
        .isCloseTo(804.05, within(1e-6));
  }

  @Test
  void noStagesSkipsWhatTheRunBlockAsks() throws Exception {
    Path out = Path.of("target", "run-stages-none");
    Run r = PowerflowCommandTest.run("run", example2("ex2-stages.yaml", RUN_BLOCK).toString(), "--out",
        out.toString(), "--no-stages");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Uncertainty of PV", "Real time:");
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.has("uncertainty")).isFalse();
    assertThat(s.has("realtime")).isFalse();
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("<section id=\"realtime\">");
    assertThat(out.resolve("realtime_costs.png")).doesNotExist();
  }

  /** 12 buildings make two communities, so the games would run; --no-games leaves them out. */
  @Test
  void noGamesLeavesOutVcCoopAndVcGame() throws Exception {
    Path out = Path.of("target", "run-stages-no-games");
    Path scenario = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-uncertainty",
        "scenario.yaml");
    Run r = PowerflowCommandTest.run("run", scenario.toString(), "--out", out.toString(), "--no-stages", "--no-games");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("(vc-coop)", "(vc-game)");
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.has("vc_game")).isFalse();
    assertThat(s.get("files").toString()).doesNotContain("vc_trades", "vc_game_savings");
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("<section id=\"vc-coop\">",
        "<section id=\"vc-game\">");
  }

  @Test
  void uncertaintyNoneSkipsOnlyTheUncertaintyStage() throws Exception {
    Path out = Path.of("target", "run-stages-no-uncertainty");
    Run r = PowerflowCommandTest.run("run", example2("ex2-stages.yaml", RUN_BLOCK).toString(), "--out",
        out.toString(), "--uncertainty", "none");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Uncertainty of PV").contains("Real time:");
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.has("uncertainty")).isFalse();
    assertThat(s.at("/realtime/realtime_cost").asDouble()).isEqualTo(summary.at("/realtime/realtime_cost").asDouble());
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("<section id=\"uncertainty\">");
  }

  @Test
  void optionsAskForAStageThatTheScenarioDoesNot() throws Exception {
    Path out = Path.of("target", "run-stages-options");
    Run r = PowerflowCommandTest.run("run", example2("ex2-plain.yaml", "").toString(), "--out", out.toString(),
        "--realtime-seed", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(s.has("uncertainty")).isFalse();
    assertThat(s.at("/realtime/realtime_cost").asDouble()).as("the same seed gives the same day")
        .isEqualTo(summary.at("/realtime/realtime_cost").asDouble());
  }

  @Test
  void aBadRunKeyOrOptionIsRefused() throws Exception {
    Run bad = PowerflowCommandTest.run("run", example2("ex2-bad.yaml", "run: {realtime: {sample_sed: 3}}\n")
        .toString(), "--out", Path.of("target", "run-stages-bad").toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("ex2-bad.yaml:13: run.realtime.sample_sed: unknown key; did you mean sample_seed?");
    Run both = PowerflowCommandTest.run("run", worked("ex2.yaml").toString(), "--no-stages", "--realtime-seed", "1");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--no-stages skips the stages; it cannot go with --uncertainty or --realtime-seed");
    Run method = PowerflowCommandTest.run("run", worked("ex2.yaml").toString(), "--uncertainty", "pem3");
    assertThat(method.exit()).isEqualTo(2);
    assertThat(method.err()).contains("unknown --uncertainty 'pem3'; use pem2m, pem2m+1, mc or none");
  }
}
