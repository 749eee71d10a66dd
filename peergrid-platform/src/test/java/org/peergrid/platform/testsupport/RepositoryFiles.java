package org.peergrid.platform.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository outside this module (the cross-language clients), found from the working directory. */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  /** The repository's root: the nearest folder up from the working directory that has {@code clients/}. */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("clients")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no folder with clients/ and mvnw above " + Path.of("").toAbsolutePath());
  }

  /** The signature version 2 test vectors that the Java and the Python tests share. */
  public static Path signingVectors() {
    return root().resolve("clients/signing-test-vectors.json");
  }
}
