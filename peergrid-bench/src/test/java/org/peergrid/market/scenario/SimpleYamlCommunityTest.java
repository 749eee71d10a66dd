package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.bench.community.ExampleScenarioWriter;

/**
 * The one-shot harness's seeded 1,000-building scenario (docs/benchmarks.md, "After yaml17") is read
 * by {@link SimpleYaml}, into the same tree (key order, node types, values) and key lines as
 * Jackson's reading, so the {@link Scenario} built from it is the same. In this package to reach the
 * package-private readers; the examples are compared in peergrid-market's {@code SimpleYamlTest}.
 */
class SimpleYamlCommunityTest {
  private static final Path ROOT = Path.of(System.getProperty("peergrid.root.dir"));

  @TempDir Path dir;

  @Test
  void theThousandBuildingScenarioIsReadAsJacksonReadsIt() throws Exception {
    Path file = ExampleScenarioWriter.writeCommunity(dir, ROOT.resolve("examples/feeders/case33bw.m"), 1000, 24);
    String text = Files.readString(file);
    LocatedTree simple = SimpleYaml.parse(text);
    assertThat(simple).as("the generated scenario is in the simple subset").isNotNull();
    LocatedTree jackson = LocatedTree.parseWithJackson(text, false, file.toString());
    assertThat(simple.root()).isEqualTo(jackson.root());
    assertThat(simple.root().toString()).isEqualTo(jackson.root().toString());
    assertThat(simple.lines()).isEqualTo(jackson.lines());
    assertThat(simple.lines()).hasSizeGreaterThan(10_000);
    assertThat(ScenarioLoader.load(file).participants()).hasSize(1000 + 3);
  }
}
