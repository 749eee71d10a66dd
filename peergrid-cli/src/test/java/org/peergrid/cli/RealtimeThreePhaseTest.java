package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;
import org.peergrid.market.testing.ThreePhaseExample;

/** {@code peergrid realtime} on the three-phase example examples/ieee13-3ph, with --validate-minutes, from dlmp and vc-game. */
class RealtimeThreePhaseTest {
  private static final Path EXAMPLE = ThreePhaseExample.SCENARIO;
  private static final Path BALANCED = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples",
      "ieee33-community", "scenario.yaml");

  @TempDir Path out;

  @Test
  void writesTheSettlementsAndTheMinuteReplay() throws Exception {
    Run run = RealtimeCommandTest.realtime(EXAMPLE, out, "--sample-seed", "1", "--validate-minutes");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode s = ClearCommandTest.summary(out);
    assertThat(s.get("mechanism").asText()).isEqualTo("dlmp");
    assertThat(s.get("deviation_payments").asDouble()).isCloseTo(s.get("realtime_utility_bill").asDouble()
        + s.get("netting_surplus").asDouble(), within(1e-6));
    assertThat(s.get("minutes").asInt()).isEqualTo(1440);
    assertThat(s.get("minutes_not_converged").asInt()).isZero();
    assertThat(ClearCommandTest.csv(out.resolve("minute_voltage_envelope.csv"))).hasSize(1440);
    assertThat(ClearCommandTest.csv(out.resolve("phase_ac_check.csv"))).hasSize(24);
    assertThat(ClearCommandTest.csv(out.resolve("schedule.csv"))).hasSize(24 * 13);
    assertThat(ClearCommandTest.csv(out.resolve("minute_violations.csv")))
        .hasSize(s.get("minute_violations").asInt());
    assertThat(Files.size(out.resolve("minute_voltage_envelope.png"))).isGreaterThan(1000);
    assertThat(Files.exists(out.resolve("voltage_trace.csv"))).isFalse();
    assertThat(run.out()).contains("three-phase").contains("Minutes         1440 minutes");
  }

  /**
   * vc-game's day ahead: the same equilibrium and settlement as {@code clear --mechanism vc-game}, deviations
   * netted inside its communities, and the minute replay after it.
   */
  @Test
  void startsFromTheGamesDayAhead() throws Exception {
    Path rt = out.resolve("rt");
    Run run = RealtimeCommandTest.realtime(EXAMPLE, rt, "--sample-seed", "1", "--mechanism", "vc-game",
        "--validate-minutes");
    assertThat(run.exit()).as(run.err()).isZero();
    Path clear = out.resolve("clear");
    Run cleared = ClearCommandTest.clear(EXAMPLE, clear, "--mechanism", "vc-game");
    assertThat(cleared.exit()).as(cleared.err()).isZero();
    assertThat(Files.readString(rt.resolve("dayahead_settlement.csv")))
        .isEqualTo(Files.readString(clear.resolve("settlement.csv")));
    assertThat(Files.readString(rt.resolve("vcs.csv"))).isEqualTo(Files.readString(clear.resolve("vcs.csv")));
    JsonNode s = ClearCommandTest.summary(rt);
    assertThat(s.get("mechanism").asText()).isEqualTo("vc-game");
    assertThat(s.get("dayahead").asText()).contains("vc-game on LinDist3Flow");
    assertThat(s.get("dayahead_cost").asDouble()).isCloseTo(ClearCommandTest.summary(clear).get("total_cost")
        .asDouble(), within(0.01));
    assertThat(s.get("deviation_payments").asDouble()).isCloseTo(s.get("realtime_utility_bill").asDouble()
        + s.get("netting_surplus").asDouble(), within(1e-6));
    assertThat(s.get("netting_surplus_alone").asDouble()).isCloseTo(s.get("netting_surplus").asDouble()
        + s.get("vc_netting_benefit").asDouble(), within(1e-6));
    assertThat(ClearCommandTest.csv(rt.resolve("vc_netting.csv"))).isNotEmpty();
    assertThat(s.get("minutes").asInt()).isEqualTo(1440);
    assertThat(ClearCommandTest.csv(rt.resolve("minute_voltage_envelope.csv"))).hasSize(1440);
    assertThat(ClearCommandTest.csv(rt.resolve("phase_ac_check.csv"))).hasSize(24);
  }

  /**
   * {@code --dayahead} reads the DLMP day ahead of a {@code clear} folder: the same day-ahead settlement as
   * clearing again, and the same real-time day to the files' rounding (values are written with 9 decimals).
   */
  @Test
  void aClearFolderGivesTheSameDayAsClearingAgain() throws Exception {
    Path cleared = out.resolve("cleared");
    Run clear = ClearCommandTest.clear(EXAMPLE, cleared);
    assertThat(clear.exit()).as(clear.err()).isZero();
    Path fromFolder = out.resolve("from-folder");
    Path fresh = out.resolve("fresh");
    Run read = RealtimeCommandTest.realtime(EXAMPLE, fromFolder, "--sample-seed", "5", "--dayahead",
        cleared.toString());
    assertThat(read.exit()).as(read.err()).isZero();
    assertThat(read.out()).contains("Day ahead       read from " + cleared);
    Run again = RealtimeCommandTest.realtime(EXAMPLE, fresh, "--sample-seed", "5");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(Files.readString(fromFolder.resolve("dayahead_settlement.csv")))
        .isEqualTo(Files.readString(fresh.resolve("dayahead_settlement.csv")));
    JsonNode a = ClearCommandTest.summary(fromFolder);
    JsonNode b = ClearCommandTest.summary(fresh);
    for (String key : new String[] {"dayahead_cost", "realtime_cost", "deviation_cost", "deviation_payments",
        "realtime_utility_bill", "netting_surplus", "ac_vmin_pu", "ac_vmax_pu"}) {
      assertThat(a.get(key).asDouble()).as(key).isCloseTo(b.get(key).asDouble(), within(1e-6));
    }
    assertThat(a.get("ac_violations")).isEqualTo(b.get("ac_violations"));
    for (String file : new String[] {"realtime_settlement.csv", "schedule.csv"}) {
      var x = ClearCommandTest.csv(fromFolder.resolve(file));
      var y = ClearCommandTest.csv(fresh.resolve(file));
      assertThat(x).as(file).hasSameSizeAs(y).isNotEmpty();
      for (int i = 0; i < x.size(); i++) {
        for (int c = 2; c < x.get(i).size(); c++) {
          String u = x.get(i).get(c);
          String v = y.get(i).get(c);
          if (u.isEmpty() || v.isEmpty()) {
            assertThat(u).as(file + " row " + i).isEqualTo(v);
          } else {
            assertThat(Double.parseDouble(u)).as(file + " row " + i + " column " + c)
                .isCloseTo(Double.parseDouble(v), within(1e-6));
          }
        }
      }
    }
    // a folder of another mechanism is refused naming its summary.json; so is --dayahead with a game
    Path nash = out.resolve("nash");
    assertThat(ClearCommandTest.clear(EXAMPLE, nash, "--mechanism", "nash").exit()).isZero();
    Run notDlmp = RealtimeCommandTest.realtime(EXAMPLE, out.resolve("x"), "--sample-seed", "5", "--dayahead",
        nash.toString());
    assertThat(notDlmp.exit()).isEqualTo(1);
    assertThat(notDlmp.err()).contains(nash.resolve("summary.json").toString(), "mechanism nash",
        "--dayahead reads a DLMP day ahead");
    Run game = RealtimeCommandTest.realtime(EXAMPLE, out.resolve("y"), "--sample-seed", "5", "--mechanism",
        "vc-game", "--dayahead", cleared.toString());
    assertThat(game.exit()).isEqualTo(2);
    assertThat(game.err()).contains("--dayahead reads a DLMP day ahead");
  }

  /** The games' day ahead goes to the cluster (docs/cluster.md): where no node runs, exit code 5. */
  @Test
  void aVcGameDayAheadOnAClusterWhereNoNodeRunsExitsWithFive() {
    ClearClusterTest.assertCouldNotJoinPortOne(RealtimeCommandTest.realtime(EXAMPLE, out, "--sample-seed", "1",
        "--mechanism", "vc-game", "--cluster", "127.0.0.1:1", "--join-timeout", "3"));
  }

  @Test
  void refusesWhatDoesNotRunThere() {
    Run dlmp = RealtimeCommandTest.realtime(EXAMPLE, out, "--sample-seed", "1", "--local-nodes", "2");
    assertThat(dlmp.exit()).isEqualTo(2);
    assertThat(dlmp.err()).contains("use --mechanism vc-game or vc-coop");
    Run unknown = RealtimeCommandTest.realtime(EXAMPLE, out, "--sample-seed", "1", "--mechanism", "p2p");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown --mechanism 'p2p'");
    Run balanced = RealtimeCommandTest.realtime(BALANCED, out, "--sample-seed", "1", "--validate-minutes");
    assertThat(balanced.exit()).isEqualTo(2);
    assertThat(balanced.err()).contains("--validate-minutes replays the day on a three-phase feeder");
  }
}
