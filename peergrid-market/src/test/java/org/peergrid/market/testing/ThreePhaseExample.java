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
    return variant(dir, "vmin_pu: 0.96", "vmin_pu: " + vmin, "vmin-" + vmin + ".yaml");
  }

  /**
   * The example with its unbalance limit (PVUR, shipped 0.05) replaced, written into {@code dir} as
   * {@link #withVmin} writes it; e.g. 0.045, the limit it had before no schedule was found to meet it.
   */
  public static Path withUnbalance(Path dir, String unbalance) throws IOException {
    return variant(dir, "unbalance_pu: 0.05", "unbalance_pu: " + unbalance, "unbalance-" + unbalance + ".yaml");
  }

  /**
   * The example with a thermal limit on one line ({@code network.line_limit_a: {LINE: AMPS}}), written into
   * {@code dir} as {@link #withVmin} writes it.
   */
  public static Path withLineLimit(Path dir, String line, String amps) throws IOException {
    return variant(dir, "  vmin_pu: 0.96", "  line_limit_a: {\"" + line + "\": " + amps + "}\n  vmin_pu: 0.96",
        "line-" + line + "-" + amps + ".yaml");
  }

  private static Path variant(Path dir, String shipped, String replacement, String fileName) throws IOException {
    Path folder = SCENARIO.getParent().toAbsolutePath().normalize();
    String text = Files.readString(SCENARIO)
        .replace("../feeders/", folder.resolve("../feeders").normalize() + "/")
        .replace("csv: profiles.csv", "csv: " + folder.resolve("profiles.csv"));
    if (!text.contains(shipped + "\n")) {
      throw new IllegalStateException(SCENARIO + " no longer holds '" + shipped + "' to replace");
    }
    Path file = dir.resolve(fileName);
    Files.writeString(file, text.replace(shipped + "\n", replacement + "\n"));
    return file;
  }
}
