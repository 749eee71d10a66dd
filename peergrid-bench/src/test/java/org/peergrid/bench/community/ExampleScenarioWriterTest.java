package org.peergrid.bench.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.market.scenario.Building;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/**
 * The bundled examples are this writer's output byte for byte, and the larger communities of the
 * whole-process benchmark ({@link ExampleScenarioWriter#writeCommunity}) load with the asked size.
 */
class ExampleScenarioWriterTest {
  private static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir"));

  @TempDir Path dir;

  @Test
  void theBundledExamplesAreTheWritersOutput() throws Exception {
    ExampleScenarioWriter.main(new String[] {dir.toString()});
    for (String example : new String[] {"ieee33-community", "ieee33-congested"}) {
      for (String file : new String[] {"scenario.yaml", "profiles.csv"}) {
        assertThat(Files.readString(dir.resolve(example).resolve(file))).as("%s/%s", example, file)
            .isEqualTo(Files.readString(ROOT.resolve("examples").resolve(example).resolve(file)));
      }
    }
  }

  @Test
  void aLargerCommunityOfQuarterHoursLoads() throws Exception {
    Path file = ExampleScenarioWriter.writeCommunity(dir, ROOT.resolve("examples/feeders/case33bw.m"), 40, 96);
    Scenario s = ScenarioLoader.load(file);
    assertThat(s.horizon().intervals()).isEqualTo(96);
    assertThat(s.horizon().hours()).isEqualTo(0.25);
    assertThat(s.participants().stream().filter(p -> p instanceof Building).count()).isEqualTo(40);
    assertThat(Files.readString(file.resolveSibling("profiles.csv"))).contains("\n95,23:45,");
  }
}
