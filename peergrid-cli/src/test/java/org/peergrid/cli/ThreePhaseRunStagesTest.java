package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.market.testing.ThreePhaseExample;

/**
 * The game and real-time stages of {@code peergrid run} on the three-phase example examples/ieee13-3ph
 * (12 buildings: two communities or more). One run with both (vc-game plays about 25 s of it), checked
 * against {@code peergrid realtime} from the same DLMP day ahead.
 */
class ThreePhaseRunStagesTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;

  @TempDir Path out;

  @Test
  void runPlaysTheGamesAndTheRealTimeDayAsTheirOwnCommandsDo() throws Exception {
    Path dir = out.resolve("run");
    Run run = PowerflowCommandTest.run("run", EXAMPLE.toString(), "--uncertainty", "none", "--realtime-seed", "4",
        "--out", dir.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode s = ClearCommandTest.summary(dir);
    assertThat(s.get("not_run").toString()).isEqualTo("[\"variants\"]");
    assertThat(s.get("uncertainty").isNull()).isTrue();

    // vc-coop: the decomposition reaches the central optimum under the same limits; its AC correction
    // passes in 5 plays at the example's 5 % (ThreePhaseVcCoopTest, docs/vc-coop.md §8)
    JsonNode coop = s.get("vc_coop");
    assertThat(coop.get("converged").asBoolean()).isTrue();
    assertThat(coop.get("ac_passed").asBoolean()).isTrue();
    assertThat(coop.get("schedule_cost").asDouble()).isCloseTo(coop.get("central_cost").asDouble(), within(1e-6));
    assertThat(coop.get("savings").asDouble()).isCloseTo(coop.get("base_cost").asDouble()
        - coop.get("total_cost").asDouble(), within(1e-6));
    List<CSVRecord> trades = ClearCommandTest.csv(dir.resolve("vc_trades.csv"));
    assertThat(trades).hasSize(24);
    assertThat(trades.stream().mapToDouble(r -> Double.parseDouble(r.get("b2b_kwh"))).sum()).isPositive();

    // vc-game: an equilibrium whose certificate is small, every building's row in vc_game_savings.csv
    JsonNode game = s.get("vc_game");
    assertThat(game.get("converged").asBoolean()).isTrue();
    assertThat(game.get("ac_passed").asBoolean()).isTrue();
    assertThat(game.get("price_of_anarchy").asDouble()).isGreaterThanOrEqualTo(1.0);
    List<CSVRecord> savings = ClearCommandTest.csv(dir.resolve("vc_game_savings.csv"));
    assertThat(savings).hasSize(12);
    for (CSVRecord r : savings) {
      assertThat(Double.parseDouble(r.get("saving"))).as(r.get("building")).isCloseTo(
          Double.parseDouble(r.get("cost_alone")) - Double.parseDouble(r.get("cost")), within(1e-6));
      assertThat(Double.parseDouble(r.get("epsilon"))).isLessThanOrEqualTo(game.get("equilibrium_epsilon").asDouble()
          + 1e-9);
    }
    List<CSVRecord> members = ClearCommandTest.csv(dir.resolve("vcs.csv"));
    assertThat(members.stream().map(r -> r.get("vc")).distinct().count()).isEqualTo(game.get("vcs").asLong());
    assertThat(members).extracting(r -> r.get("participant")).doesNotHaveDuplicates()
        .containsAll(savings.stream().map(r -> r.get("building")).toList());

    // the comparison table gains the games' rows; the report has their sections and the real time's
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<td>vc-coop</td>", "<td>vc-game</td>", "(vc-coop)</h2>", "(vc-game)</h2>",
        "<h2>Real time</h2>");
    assertThat(s.get("mechanisms")).hasSize(8); // compare.csv's list, as `compare` writes it

    // the real-time stage is `peergrid realtime` from the same DLMP day ahead and the same actual day
    Path alone = out.resolve("realtime");
    Run rt = RealtimeCommandTest.realtime(EXAMPLE, alone, "--sample-seed", "4");
    assertThat(rt.exit()).as(rt.err()).isZero();
    for (String file : List.of("realtime_costs.csv", "realtime_settlement.csv")) {
      assertThat(Files.readString(dir.resolve(file))).as(file).isEqualTo(Files.readString(alone.resolve(file)));
    }
    // realtime_intervals.csv also holds each LP's solve time: the rest must agree
    assertThat(ClearCommandTest.csv(dir.resolve("realtime_intervals.csv")))
        .extracting(r -> r.get("deviation_kw") + " " + r.get("realtime_root_kw"))
        .isEqualTo(ClearCommandTest.csv(alone.resolve("realtime_intervals.csv")).stream()
            .map(r -> r.get("deviation_kw") + " " + r.get("realtime_root_kw")).toList());
    for (String file : List.of("schedule.csv", "dayahead_settlement.csv", "phase_ac_check.csv",
        "phase_violations.csv")) {
      assertThat(Files.readString(dir.resolve("realtime_" + file))).as(file)
          .isEqualTo(Files.readString(alone.resolve(file)));
    }
    JsonNode real = s.get("realtime");
    JsonNode own = ClearCommandTest.summary(alone);
    for (String key : List.of("dayahead_cost", "realtime_cost", "deviation_cost", "deviation_payments",
        "realtime_utility_bill", "netting_surplus", "redispatched_intervals", "ac_vmin_pu", "ac_violations")) {
      assertThat(real.get(key)).as(key).isEqualTo(own.get(key));
    }
    assertThat(real.get("dayahead").asText()).isEqualTo(RunCommand.REALTIME_DAY_AHEAD);
    assertThat(real.get("actuals").asText()).isEqualTo(own.get("actuals").asText());
    for (JsonNode f : s.get("files")) {
      assertThat(dir.resolve(f.asText())).as(f.asText()).exists();
    }
    assertThat(run.out()).contains("vc-coop", "vc-game", "Real time", "realtime_phase_violations.csv");
  }
}
