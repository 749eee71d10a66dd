package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.cli.PowerflowCommandTest.Run;

/** {@code peergrid realtime} on the three-phase example examples/ieee13-3ph, with --validate-minutes. */
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

  @Test
  void refusesWhatDoesNotRunThere() {
    Run game = RealtimeCommandTest.realtime(EXAMPLE, out, "--sample-seed", "1", "--mechanism", "vc-game");
    assertThat(game.exit()).isEqualTo(2);
    assertThat(game.err()).contains("--mechanism vc-game does not run on a three-phase feeder yet");
    Run balanced = RealtimeCommandTest.realtime(BALANCED, out, "--sample-seed", "1", "--validate-minutes");
    assertThat(balanced.exit()).isEqualTo(2);
    assertThat(balanced.err()).contains("--validate-minutes replays the day on a three-phase feeder");
  }
}
