package org.peergrid.market.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link SimpleYaml} against Jackson's reading (SnakeYAML): on every YAML file of the examples and
 * of this module's test resources, and on seeded random edits of them, whatever the simple reader
 * accepts it reads into the same tree (key order, node types, values) and the same key lines as
 * Jackson; what it does not accept goes to Jackson. The 1,000-building scenario of the one-shot
 * harness is compared in peergrid-bench ({@code SimpleYamlCommunityTest}).
 */
class SimpleYamlTest {
  /** Edited texts per file; more with -Dsimpleyaml.edits=N (600 were run once, docs/benchmarks.md). */
  private static final int EDITS_PER_FILE = Integer.getInteger("simpleyaml.edits", 60);
  private static final String[] EDITS = {" ", "-", ":", "#", "{", "}", "[", "]", ",", "'", "\"", "\n", ".", "0",
    "a", "Z", "&", "*", "!", "|", ">", "~", "\\", "\t", "yes", "null", "0x1F", "1e3", "08", ".5", "- ", ": ", " #",
    "on", "True", "+1", "1_000", "12:30", "2024-01-01", ".inf", "-.5", "\"a\\nb\"", "'it''s'", "? "};

  static List<Path> yamlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../examples"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  /** Jackson's tree and lines, or null when Jackson refuses the text. */
  private static LocatedTree jackson(String text) {
    try {
      return LocatedTree.parseWithJackson(text, false, "test.yaml");
    } catch (org.peergrid.grid.ValidationException refused) {
      return null;
    }
  }

  static void assertSameAsJackson(LocatedTree simple, String text, String what) {
    LocatedTree expected = jackson(text);
    assertThat(expected).as("Jackson refuses what SimpleYaml accepted: %s", what).isNotNull();
    assertThat(simple.root().toString()).as(what).isEqualTo(expected.root().toString());
    assertThat(simple.root()).as(what).isEqualTo(expected.root());
    assertThat(simple.lines()).as(what).isEqualTo(expected.lines());
  }

  @Test
  void everyExampleScenarioIsReadAsJacksonReadsIt() throws IOException {
    int accepted = 0;
    List<Path> files = yamlFiles();
    for (Path file : files) {
      String text = Files.readString(file);
      LocatedTree simple = SimpleYaml.parse(text);
      if (simple != null) {
        accepted++;
        assertSameAsJackson(simple, text, file.toString());
      }
      if (file.startsWith(Path.of("../examples")) && file.getFileName().toString().equals("scenario.yaml")) {
        assertThat(simple).as("an example scenario in the simple subset: %s", file).isNotNull();
      }
    }
    System.out.printf("SimpleYaml read %d of %d YAML files; Jackson the others%n", accepted, files.size());
    assertThat(accepted).isGreaterThan(files.size() / 2);
  }

  @Test
  void randomEditsAreReadAsJacksonReadsThemOrLeftToJackson() throws IOException {
    Random random = new Random(20261206);
    int accepted = 0;
    int tried = 0;
    for (Path file : yamlFiles()) {
      String original = Files.readString(file);
      if (original.length() > 20_000) {
        continue;
      }
      for (int k = 0; k < EDITS_PER_FILE; k++) {
        String text = original;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
          text = edit(text, random);
        }
        tried++;
        LocatedTree simple = SimpleYaml.parse(text);
        if (simple != null) {
          accepted++;
          assertSameAsJackson(simple, text, file + ", edited:\n" + text);
        }
      }
    }
    System.out.printf("random edits: %d read by SimpleYaml (same as Jackson), %d left to Jackson%n", accepted,
        tried - accepted);
    assertThat(accepted).as("edits that stay in the subset are compared too").isGreaterThan(tried / 10);
  }

  /** One random edit: insert, delete, replace a word, re-indent or repeat a line. */
  private static String edit(String text, Random random) {
    if (text.isEmpty()) {
      return EDITS[random.nextInt(EDITS.length)];
    }
    int at = random.nextInt(text.length());
    switch (random.nextInt(5)) {
      case 0 -> {
        return text.substring(0, at) + EDITS[random.nextInt(EDITS.length)] + text.substring(at);
      }
      case 1 -> {
        return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(3)));
      }
      case 2 -> {
        int end = at;
        while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
          end++;
        }
        return text.substring(0, at) + EDITS[random.nextInt(EDITS.length)] + text.substring(end);
      }
      case 3 -> {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        return random.nextBoolean() ? text.substring(0, lineStart) + " " + text.substring(lineStart)
            : text.substring(0, lineStart) + text.substring(lineStart).replaceFirst("^ {1,2}", "");
      }
      default -> {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        int lineEnd = text.indexOf('\n', at);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd + 1);
        return text.substring(0, lineStart) + line + (line.endsWith("\n") ? "" : "\n") + text.substring(lineStart);
      }
    }
  }
}
