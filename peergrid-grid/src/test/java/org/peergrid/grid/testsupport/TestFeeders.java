package org.peergrid.grid.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.peergrid.grid.matpower.MatpowerCaseReader;
import org.peergrid.grid.model.Feeder;

/** Where the test feeders are: the bundled MATPOWER cases and the shared reference data. */
public final class TestFeeders {
  private TestFeeders() {}

  /** The repository root (Surefire sets peergrid.root.dir; IDE runs start in the module folder). */
  public static Path root() {
    String prop = System.getProperty("peergrid.root.dir");
    if (prop != null) {
      return Path.of(prop);
    }
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("examples")) ? here : here.getParent();
  }

  public static Path bundled(String caseName) {
    return root().resolve("examples/feeders").resolve(caseName + ".m");
  }

  public static Feeder load(String caseName) {
    return MatpowerCaseReader.read(bundled(caseName));
  }

  /** Every bundled feeder file. */
  public static Stream<Path> allBundled() throws java.io.IOException {
    return Files.list(root().resolve("examples/feeders")).filter(p -> p.toString().endsWith(".m")).sorted();
  }

  /** The shared reference data folder beside the checkout, if present. */
  public static Path sharedDir() {
    String prop = System.getProperty("peergrid.shared.dir");
    return prop != null ? Path.of(prop) : root().resolve("../shared");
  }
}
