package org.peergrid.market.nuc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.testing.WorkedExamples;

/** The scenario's {@code nuc} block: defaults, each key, and errors that name the key. */
class NucSettingsTest {
  @TempDir Path dir;

  private static final String BASE = """
      network: {matpower: toy3.m}
      horizon: {intervals: 2}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: [100, 120], pv_kw: [40, 80]}
      """;

  private NucSettings read(String block) {
    return NucSettings.of(WorkedExamples.write(dir, "s.yaml", BASE + block));
  }

  @Test
  void withoutTheBlockTheDefaultsHold() {
    NucSettings s = read("");
    assertThat(s).isEqualTo(NucSettings.DEFAULT);
    assertThat(s).isEqualTo(new NucSettings(NucMethod.DISTANCE, 0.01, 0.01, 30, 0.25, 0.02));
    assertThat(read("nuc: {}\n")).isEqualTo(NucSettings.DEFAULT);
  }

  @Test
  void everyKeyIsRead() {
    NucSettings s = read("""
        nuc:
          method: loss-sensitivity
          tolerance: 0.005
          absolute_tolerance: 0.5
          max_iterations: 12
          step: 0.1
          surcharge_precision: 0.05
        """);
    assertThat(s).isEqualTo(new NucSettings(NucMethod.LOSS_SENSITIVITY, 0.005, 0.5, 12, 0.1, 0.05));
  }

  @Test
  void oneKeyLeavesTheOthersAtTheirDefaults() {
    NucSettings s = read("nuc: {step: 0.5}\n");
    assertThat(s.step()).isEqualTo(0.5);
    assertThat(s.method()).isEqualTo(NucMethod.DISTANCE);
    assertThat(s.maxIterations()).isEqualTo(30);
    assertThat(s.surchargePrecision()).isEqualTo(0.02);
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPath() {
    assertThatThrownBy(() -> read("nuc: {stepp: 0.5}\n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("nuc.stepp").hasMessageContaining("unknown key").hasMessageContaining("step");
  }

  @Test
  void anUnknownMethodIsNamedWithTheChoices() {
    assertThatThrownBy(() -> read("nuc: {method: sensitivity}\n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("nuc.method").hasMessageContaining("\"sensitivity\"")
        .hasMessageContaining("distance").hasMessageContaining("loss-sensitivity");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "tolerance: 0              | tolerance and absolute_tolerance must be positive",
      "absolute_tolerance: -1    | tolerance and absolute_tolerance must be positive",
      "max_iterations: 0         | max_iterations must be at least 1, got 0",
      "max_iterations: 2.5       | expected a whole number, got 2.5",
      "step: 0                   | step must be positive, got 0.0",
      "surcharge_precision: 1    | surcharge_precision must lie in (0, 1), got 1.0",
      "surcharge_precision: x    | surcharge_precision"})
  void aBadValueIsNamed(String entry, String message) {
    assertThatThrownBy(() -> read("nuc:\n  " + entry + "\n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.yaml").hasMessageContaining("nuc").hasMessageContaining(message);
  }

  @Test
  void theBlockMustBeAMapping() {
    assertThatThrownBy(() -> read("nuc: [distance]\n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("nuc: expected a mapping");
  }
}
