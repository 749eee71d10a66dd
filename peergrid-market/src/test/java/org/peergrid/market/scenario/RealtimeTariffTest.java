package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.testing.WorkedExamples;

/** The optional {@code realtime} tariff block and its default (docs/realtime.md). */
class RealtimeTariffTest {
  @TempDir Path dir;

  private static final String HEAD = """
      network: {matpower: toy3.m}
      horizon: {intervals: 2}
      tariff: {import: [5, -1], export: [2, -3]}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: 10}
      """;

  private Scenario load(String text) {
    return ScenarioLoader.load(WorkedExamples.write(dir, "s.yaml", text));
  }

  @Test
  void withoutTheBlockImportIsDearerAndExportCheaperByAFifthOfTheirMagnitude() {
    Tariff rt = load(HEAD).realtimeTariff();
    assertThat(rt.importPrice().values()).containsExactly(6.0, -0.8);
    assertThat(rt.exportPrice().values()).containsExactly(1.6, -3.6);
  }

  @Test
  void theBlockSetsEitherPriceAndTheOtherTakesItsDefault() {
    Scenario s = load(HEAD + "realtime: {import: [7, 8]}\n");
    assertThat(s.realtimeTariff().importPrice().values()).containsExactly(7.0, 8.0);
    assertThat(s.realtimeTariff().exportPrice().values()).containsExactly(1.6, -3.6);
    assertThat(load(HEAD + "realtime: {export: -5}\n").realtimeTariff().importPrice().values())
        .containsExactly(6.0, -0.8);
  }

  @Test
  void unknownKeysWrongLengthsAndExportAboveImportAreRefusedWithTheirPath() {
    assertThatThrownBy(() -> load(HEAD + "realtime: {imports: 7}\n"))
        .hasMessageContaining(":6: realtime.imports: unknown key; did you mean import?");
    assertThatThrownBy(() -> load(HEAD + "realtime: {import: [7, 8, 9]}\n"))
        .hasMessageContaining("realtime.import: realtime: import has 3 values; it needs one per interval (2");
    assertThatThrownBy(() -> load(HEAD + "realtime: {import: 3, export: 4}\n"))
        .hasMessageContaining("realtime: export price 4.0 is above the import price 3.0 in interval 0");
  }
}
