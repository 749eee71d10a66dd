package org.peergrid.market.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;

/** The scenarios of docs/WORKED_EXAMPLES.md on the toy3 feeder, and scratch scenarios beside it. */
public final class WorkedExamples {
  private WorkedExamples() {}

  /** The folder with toy3.m and the worked example scenarios. */
  public static Path folder() {
    try {
      return Path.of(WorkedExamples.class.getResource("/worked/toy3.m").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Worked example {@code number} (1..6). */
  public static Scenario example(int number) {
    return ScenarioLoader.load(folder().resolve("ex" + number + ".yaml"));
  }

  /** Writes {@code text} as {@code name} into {@code dir}, with toy3.m beside it. */
  public static Path write(Path dir, String name, String text) {
    try {
      for (String feeder : new String[] {"toy3.m", "toy3-q300.m", "toy3-bg.m"}) {
        Path target = dir.resolve(feeder);
        if (!Files.exists(target)) {
          Files.copy(folder().resolve(feeder), target);
        }
      }
      Path file = dir.resolve(name);
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
