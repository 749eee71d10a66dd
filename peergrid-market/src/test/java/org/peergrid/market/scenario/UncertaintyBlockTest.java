package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.testing.WorkedExamples;

/** The scenario's {@code uncertainty} block: defaults, overrides key by key, and errors that name the key. */
class UncertaintyBlockTest {
  @TempDir Path dir;

  private static final String BASE = """
      network: {matpower: toy3.m}
      horizon: {intervals: 2}
      tariff: {import: 5, export: 2}
      participants:
        - {id: B2, type: building, bus: 2, load_kw: [100, 120], pv_kw: [40, 80], wind_kw: [10, 0]}
        - {id: B3, type: building, bus: 3, load_kw: 50}
        - {id: G3, type: generator, bus: 3, max_kw: 100, cost_per_kwh: 8}
      """;

  private Scenario load(String uncertainty) {
    return ScenarioLoader.load(WorkedExamples.write(dir, "s.yaml", BASE + uncertainty));
  }

  @Test
  void withoutTheBlockPvAndWindAreRandomWithTheDefaults() {
    Scenario s = load("");
    assertThat(s.uncertainty()).isEqualTo(UncertaintySpec.DEFAULT);
    BuildingUncertainty b2 = s.uncertainty().of("B2");
    assertThat(b2.random()).containsExactlyInAnyOrder(RandomQuantity.PV, RandomQuantity.WIND);
    assertThat(b2.pv().cv()).isEqualTo(0.2);
    assertThat(b2.pv().ratedKw(s.buildings().get(0).pvKw())).isEqualTo(100); // 1.25 × the peak 80
    assertThat(b2.wind().ratedKw(s.buildings().get(0).windKw())).isEqualTo(20); // 2 × the peak 10
    assertThat(b2.load().cv()).isEqualTo(0.1);
  }

  @Test
  void overridesReplaceOnlyTheKeysTheyGive() {
    Scenario s = load("""
        uncertainty:
          random: [pv, load]
          pv: {cv: 0.3, rated_factor: 1.5}
          wind: {shape: 1.8, cut_in_ms: 2.5, rated_ms: 11, cut_out_ms: 24}
          load: {cv: 0.05}
          participants:
            B2: {pv: {rated_kw: 90}, random: [pv, wind]}
        """);
    BuildingUncertainty b2 = s.uncertainty().of("B2");
    BuildingUncertainty b3 = s.uncertainty().of("B3");
    assertThat(b3.random()).isEqualTo(EnumSet.of(RandomQuantity.PV, RandomQuantity.LOAD));
    assertThat(b3.pv()).isEqualTo(new PvUncertainty(0.3, OptionalDouble.empty(), 1.5));
    assertThat(b3.load().cv()).isEqualTo(0.05);
    assertThat(b2.random()).isEqualTo(EnumSet.of(RandomQuantity.PV, RandomQuantity.WIND));
    assertThat(b2.pv().cv()).isEqualTo(0.3); // inherited
    assertThat(b2.pv().ratedKw(s.buildings().get(0).pvKw())).isEqualTo(90);
    assertThat(b2.wind()).isEqualTo(new WindUncertainty(1.8, 2.5, 11, 24, OptionalDouble.empty(), 2));
  }

  @Test
  void unknownKeysAreRefusedWithTheirPathAndTheClosestKey() {
    assertThatThrownBy(() -> load("uncertainty: {pv: {cvv: 0.3}}\n")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("uncertainty.pv.cvv: unknown key; did you mean cv?");
    assertThatThrownBy(() -> load("uncertainty: {participants: {B2: {wind: {cut_in_m: 3}}}}\n"))
        .hasMessageContaining("uncertainty.participants.B2.wind.cut_in_m: unknown key; did you mean cut_in_ms?");
    assertThatThrownBy(() -> load("uncertainty: {correlations: common}\n"))
        .hasMessageContaining("uncertainty.correlations: unknown key; did you mean correlation?");
  }

  @Test
  void correlationIsCommonByDefaultAndNamedWhenUnknown() {
    assertThat(load("").uncertainty().correlation()).isEqualTo(WeatherCorrelation.COMMON);
    assertThat(load("uncertainty: {correlation: independent}\n").uncertainty().correlation())
        .isEqualTo(WeatherCorrelation.INDEPENDENT);
    assertThat(load("uncertainty: {correlation: common}\n").uncertainty().correlation())
        .isEqualTo(WeatherCorrelation.COMMON);
    assertThatThrownBy(() -> load("uncertainty: {correlation: regional}\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.yaml:")
        .hasMessageContaining("uncertainty.correlation: unknown correlation \"regional\"; use common")
        .hasMessageContaining("or independent");
    assertThatThrownBy(() -> load("uncertainty: {correlation: 0.5}\n"))
        .hasMessageContaining("uncertainty.correlation: unknown correlation \"0.5\"");
  }

  /**
   * Each building fits on its own (B2: cv 0.45 below the limit 0.5 at its mean 80/100 in interval 1;
   * B4: cv 0.03 at 970/1000), but the feeder's irradiance in interval 0 has mean 1010/1100 = 0.918,
   * where a Beta allows at most cv 0.30, and B2's 0.45 is the feeder's largest cv.
   */
  @Test
  void aCommonIrradianceThatCannotBeFittedNamesTheKeyAndTheWayOut() {
    String base = BASE.replace("participants:\n", "participants:\n"
        + "  - {id: B4, type: building, bus: 3, load_kw: 10, pv_kw: [970, 970]}\n");
    String block = "uncertainty: {participants: {B4: {pv: {cv: 0.03, rated_kw: 1000}}, B2: {pv: {cv: 0.45}}}";
    Path file = WorkedExamples.write(dir, "c.yaml", base + block + "}\n");
    assertThatThrownBy(() -> ScenarioLoader.load(file)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("c.yaml:")
        .hasMessageContaining("uncertainty: interval 0: the feeder's common irradiance does not fit")
        .hasMessageContaining("use correlation: independent");
    Path independent = WorkedExamples.write(dir, "i.yaml", base + block + ", correlation: independent}\n");
    assertThat(ScenarioLoader.load(independent).uncertainty().correlation()).isEqualTo(WeatherCorrelation.INDEPENDENT);
  }

  @Test
  void overridesMustNameABuildingAndQuantitiesMustExist() {
    assertThatThrownBy(() -> load("uncertainty: {participants: {B4: {load: {cv: 0.2}}}}\n"))
        .hasMessageContaining("uncertainty.participants.B4: no building has id B4");
    assertThatThrownBy(() -> load("uncertainty: {participants: {G3: {load: {cv: 0.2}}}}\n"))
        .hasMessageContaining("no building has id G3 (only buildings have random forecasts)");
    assertThatThrownBy(() -> load("uncertainty: {random: [pv, sun]}\n"))
        .hasMessageContaining("uncertainty.random[1]: unknown random quantity \"sun\"");
  }

  @Test
  void aForecastThatCannotBeFittedNamesTheKeyTheBuildingAndTheInterval() {
    // rated 70 kW below the forecast of 80 kW in interval 1
    assertThatThrownBy(() -> load("uncertainty: {participants: {B2: {pv: {rated_kw: 70}}}}\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("s.yaml:")
        .hasMessageContaining("uncertainty.participants.B2.pv: building B2, interval 1: PV forecast must be in [0, rated]")
        .hasMessageContaining("raise rated_kw");
    // mean 80 of 85 kW leaves a Beta spread of at most cv 0.25
    assertThatThrownBy(() -> load("uncertainty: {pv: {cv: 0.3, rated_kw: 85}}\n"))
        .hasMessageContaining("uncertainty.pv: building B2, interval 1: no Beta distribution")
        .hasMessageContaining("cv must be below 0.25");
    // a mean wind power of 10 kW is beyond what a 12 kW turbine's curve gives with k = 2
    assertThatThrownBy(() -> load("uncertainty: {wind: {rated_kw: 12}}\n"))
        .hasMessageContaining("uncertainty.wind: building B2, interval 0:");
    assertThatThrownBy(() -> load("uncertainty: {wind: {rated_ms: 2}}\n"))
        .hasMessageContaining("uncertainty.wind: the speeds must satisfy 0 < cut_in_ms < rated_ms < cut_out_ms");
  }
}
