package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid realtime} on the three-phase example examples/ieee13-3ph, with --validate-minutes, from dlmp and vc-game. */
class RealtimeThreePhaseTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee13-3ph",
      "scenario.yaml");
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
