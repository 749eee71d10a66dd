package org.peergrid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code peergrid clear --mechanism vc-coop} on the bundled example: the engine's files plus the game's. */
class ClearVcCoopTest {
  @TempDir Path out;

  @Test
  void writesCommunitiesTradesAndTheGameKeys() throws Exception {
    Path example = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples", "ieee33-community",
        "scenario.yaml");
    PowerflowCommandTest.Run run = ClearCommandTest.clear(example, out, "--mechanism", "vc-coop");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("VC coop", "converged in");
    for (String f : ClearCommand.ALL_FILES) {
      assertThat(Files.exists(out.resolve(f))).as(f).isTrue();
    }
    JsonNode s = ClearCommandTest.summary(out);
    assertThat(s.get("mechanism").asText()).isEqualTo("vc-coop");
    assertThat(s.get("iterations").asInt()).isBetween(2, 29);
    assertThat(s.get("vcs").asInt()).isEqualTo(8);
    assertThat(s.get("messages").asLong()).isGreaterThan(s.get("iterations").asLong() * 2 * 35);
    assertThat(Math.abs(s.get("gap_to_central_pct").asDouble())).isLessThan(0.5);
    assertThat(ClearCommandTest.csv(out.resolve("vcs.csv"))).hasSize(35);
    assertThat(ClearCommandTest.header(out.resolve("trades.csv"))).isEqualTo(String.join(",", VcCsv.TRADES));
    assertThat(ClearCommandTest.csv(out.resolve("trades.csv"))).hasSize(24 * 8);
    assertThat(ClearCommandTest.csv(out.resolve("settlement.csv")))
        .allSatisfy(r -> assertThat(r.get("individually_rational")).isEqualTo("true"));
  }

  @Test
  void otherMechanismsWriteNullGameKeysAndNoGameFiles() throws Exception {
    PowerflowCommandTest.Run run = ClearCommandTest.clear(ClearCommandTest.worked("ex1.yaml"), out);
    JsonNode s = ClearCommandTest.summary(out);
    assertThat(s.has("iterations") && s.get("iterations").isNull()).as(run.err()).isTrue();
    assertThat(s.get("gap_to_central_pct").isNull()).isTrue();
    assertThat(Files.exists(out.resolve("trades.csv"))).isFalse();
  }
}
