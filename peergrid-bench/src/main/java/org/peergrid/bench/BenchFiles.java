package org.peergrid.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that benchmarks read, found from the working folder or -Dpeergrid.root.dir. */
final class BenchFiles {
  private BenchFiles() {}

  /** {@code relative} under the repository root; fails with what to do when it is not there. */
  static Path inRepository(String relative) {
    Path file = Path.of(System.getProperty(PowerFlowBenchmark.ROOT_DIR_PROPERTY, ".")).resolve(relative);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("no file " + file.toAbsolutePath() + "; run from the repository root or set -D"
          + PowerFlowBenchmark.ROOT_DIR_PROPERTY + "=<repository root>");
    }
    return file;
  }
}
