package org.peergrid.market.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled three-phase example, examples/ieee13-3ph, and variants of it with other limits for tests
 * (here and in peergrid-cli's, through this module's test jar).
 */
public final class ThreePhaseExample {
  /** examples/ieee13-3ph/scenario.yaml, from the repository root the build passes as {@code peergrid.root.dir}. */
  public static final Path SCENARIO = Path.of(System.getProperty("peergrid.root.dir", ".."), "examples",
      "ieee13-3ph", "scenario.yaml");

  private ThreePhaseExample() {}

  /**
   * The example with its V^min replaced, written into {@code dir} with its relative paths (feeder, profiles)
   * made absolute so that it reads from there.
   */
  public static Path withVmin(Path dir, String vmin) throws IOException {
    Path folder = SCENARIO.getParent().toAbsolutePath().normalize();
    String text = Files.readString(SCENARIO)
        .replace("../feeders/", folder.resolve("../feeders").normalize() + "/")
        .replace("csv: profiles.csv", "csv: " + folder.resolve("profiles.csv"))
        .replace("vmin_pu: 0.96", "vmin_pu: " + vmin);
    if (!text.contains("vmin_pu: " + vmin)) {
      throw new IllegalStateException(SCENARIO + " no longer holds 'vmin_pu: 0.96' to replace");
    }
    Path file = dir.resolve("vmin-" + vmin + ".yaml");
    Files.writeString(file, text);
    return file;
  }
}
