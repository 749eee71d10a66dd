package org.peergrid.platform.market;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peergrid.market.scenario.ScenarioFiles;
import org.peergrid.platform.api.ApiError;
import org.peergrid.platform.api.ApiException;

/**
 * A day whose scenario names a three-phase feeder (network.opendss, issue 19): the platform clears
 * MATPOWER feeders only, so opening it is refused with a message that names the day, the key and what
 * to do, before any file is looked for.
 */
class ThreePhaseDayTest {
  private static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir", ".."));

  @Test
  void aThreePhaseScenarioIsRefusedNamingTheKeyAndWhatToDo() throws IOException {
    String scenario = Files.readString(ROOT.resolve("examples/ieee13-3ph/scenario.yaml"));
    String feeder = Files.readString(ROOT.resolve("examples/feeders/opendss/ieee13/IEEE13Nodeckt.dss"));
    assertThatThrownBy(() -> DayScenario.parse("2025-06-02", scenario, feeder, ScenarioFiles.none("inline only")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(ApiError.INVALID_SCENARIO);
          org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("scenario of day 2025-06-02, line 7",
              "network.opendss", "MATPOWER", "network.matpower", "peergrid clear");
        });
  }

  @Test
  void aThreePhaseScenarioInJsonIsRefusedTheSameWay() {
    String scenario = "{\"version\": 1,\n \"network\": {\"opendss\": \"feeder.dss\"},\n \"participants\": []}";
    assertThatThrownBy(() -> DayScenario.parse("d2", scenario, "", ScenarioFiles.none("inline only")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("scenario of day d2, line 2: network.opendss")
        .hasMessageContaining("peergrid clear");
  }
}
