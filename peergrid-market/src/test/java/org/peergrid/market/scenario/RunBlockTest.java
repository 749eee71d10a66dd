package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.testing.WorkedExamples;

/** The optional {@code run} block: the stages that {@code peergrid run} adds (docs/formats.md). */
class RunBlockTest {
  @TempDir Path dir;

  private static final String HEAD = """
      network: {matpower: toy3.m}
      horizon: {intervals: 2}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: 10}
      """;

  private Scenario load(String text) {
    return ScenarioLoader.load(WorkedExamples.write(dir, "s.yaml", text));
  }

  @Test
  void withoutTheBlockNoStageIsAsked() {
    assertThat(load(HEAD).stages()).isEqualTo(StageRequests.NONE);
  }

  @Test
  void anEmptyUncertaintyMappingTakesTheDefaultsAndGivenKeysWin() {
    StageRequests s = load(HEAD + "run: {uncertainty: {}, realtime: {sample_seed: 42}}\n").stages();
    assertThat(s.uncertainty()).contains(new StageRequests.Uncertainty("pem2m+1", 10_000, 1));
    assertThat(s.realtime()).contains(StageRequests.Realtime.sampled(42));
    StageRequests mc = load(HEAD + "run: {uncertainty: {method: mc, samples: 50, seed: 7}}\n").stages();
    assertThat(mc.uncertainty()).contains(new StageRequests.Uncertainty("mc", 50, 7));
    assertThat(mc.realtime()).isEmpty();
  }

  @Test
  void anActualsFileIsRelativeToTheScenario() throws Exception {
    Files.writeString(dir.resolve("actuals.csv"), "interval,participant,load_kw,pv_kw,wind_kw\n");
    StageRequests s = load(HEAD + "run: {realtime: {actuals: actuals.csv}}\n").stages();
    assertThat(s.realtime().orElseThrow().actuals()).contains(dir.resolve("actuals.csv"));
    assertThat(s.realtime().orElseThrow().sampleSeed()).isEqualTo(Optional.empty());
  }

  @Test
  void unknownKeysAndBadValuesAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> load(HEAD + "run: {uncertanty: {}}\n"))
        .hasMessageContaining(":6: run.uncertanty: unknown key; did you mean uncertainty?");
    assertThatThrownBy(() -> load(HEAD + "run: {uncertainty: {method: pem2m, sample: 3}}\n"))
        .hasMessageContaining("run.uncertainty.sample: unknown key; did you mean samples?");
    assertThatThrownBy(() -> load(HEAD + "run: {uncertainty: {method: pem3}}\n"))
        .hasMessageContaining("run.uncertainty: unknown method \"pem3\"; use pem2m, pem2m+1 or mc");
    assertThatThrownBy(() -> load(HEAD + "run: {uncertainty: {method: mc, samples: 1}}\n"))
        .hasMessageContaining("run.uncertainty: samples must be at least 2, got 1");
    assertThatThrownBy(() -> load(HEAD + "run: {realtime: {seed: 3}}\n"))
        .hasMessageContaining("run.realtime.seed: unknown key; allowed keys are actuals, sample_seed");
    assertThatThrownBy(() -> load(HEAD + "run: {realtime: {}}\n"))
        .hasMessageContaining("run.realtime: give either sample_seed or actuals (one of them)");
    assertThatThrownBy(() -> load(HEAD + "run: {realtime: {actuals: nowhere.csv}}\n"))
        .hasMessageContaining("run.realtime.actuals: actuals file").hasMessageContaining("does not exist");
  }
}
