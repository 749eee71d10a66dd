package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peergrid.grid.ValidationException;

/**
 * Coverage-guided fuzzing of the scenario loader (docs/platform.md, "Fuzzing"): any scenario text,
 * YAML or (when it starts with '{') JSON, either loads into a scenario whose series all have one value
 * per interval, or is refused with a {@link ValidationException}; anything else thrown, a hang or an
 * OutOfMemoryError is a finding. The files it may name are those of a fixture folder: the worked
 * examples' feeders and a small profiles CSV. Seeds: {@code ScenarioLoaderFuzzTestInputs/loadsOrRefuses}.
 */
class ScenarioLoaderFuzzTest {
  /** What the seeds' {csv: profiles.csv, column: …} series read: two intervals. */
  private static final String PROFILES_CSV = "interval,load,pv,wind,import\n0,100,0,5,5\n1,300,40,0,10\n";
  static final Path FIXTURE = fixture();

  @FuzzTest(maxDuration = "30s")
  void loadsOrRefuses(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    boolean json = text.stripLeading().startsWith("{");
    Scenario scenario;
    try {
      scenario = ScenarioLoader.parse(text, json, FIXTURE, "fuzz.yaml", "fuzz");
    } catch (ValidationException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    int intervals = scenario.horizon().intervals();
    assertThat(scenario.tariff().importPrice().size()).isEqualTo(intervals);
    assertThat(scenario.tariff().exportPrice().size()).isEqualTo(intervals);
    for (Participant p : scenario.participants()) {
      if (p instanceof Building b) {
        assertThat(b.loadKw().size()).as(b.id()).isEqualTo(intervals);
        assertThat(b.pvKw().size()).as(b.id()).isEqualTo(intervals);
      }
    }
  }

  private static Path fixture() {
    try {
      Path dir = Files.createTempDirectory("scenario-fuzz");
      dir.toFile().deleteOnExit();
      for (String feeder : new String[] {"toy3.m", "toy3-q300.m", "toy3-bg.m"}) {
        try (InputStream in = ScenarioLoaderFuzzTest.class.getResourceAsStream("/worked/" + feeder)) {
          Files.copy(in, dir.resolve(feeder));
        }
        dir.resolve(feeder).toFile().deleteOnExit();
      }
      Files.writeString(dir.resolve("profiles.csv"), PROFILES_CSV);
      dir.resolve("profiles.csv").toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
