package org.peergrid.market.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the files that a scenario names may come from: CSV series ({@code {csv: FILE, column: C}})
 * and {@code run.realtime.actuals}. A scenario on the user's own disk reads them beside itself
 * ({@link #besideScenario}); a scenario that arrived in a request must not make the reader open a
 * file of the machine it runs on, so it gets either no files at all ({@link #none}) or only regular
 * files that an operator placed in one folder ({@link #confinedTo}), and errors about those files
 * never quote their contents (a header or a cell could be a secret of whoever put the file there).
 */
public final class ScenarioFiles {
  /** The largest file a confined folder hands out: 4 MiB, far above a year of 15-minute rows. */
  public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

  private enum Mode { BESIDE, NONE, CONFINED }

  private final Mode mode;
  private final Path folder;
  private final long maxBytes;
  private final String noFilesHint;

  private ScenarioFiles(Mode mode, Path folder, long maxBytes, String noFilesHint) {
    this.mode = mode;
    this.folder = folder;
    this.maxBytes = maxBytes;
    this.noFilesHint = noFilesHint;
  }

  /** Paths relative to the scenario file's folder, any file the user can read (the command line). */
  public static ScenarioFiles besideScenario(Path scenarioFolder) {
    return new ScenarioFiles(Mode.BESIDE, scenarioFolder, Long.MAX_VALUE, "");
  }

  /**
   * No file may be named: every series must be inline.
   *
   * @param hint why no file is read and what the user can do instead, the refusal's reason
   */
  public static ScenarioFiles none(String hint) {
    return new ScenarioFiles(Mode.NONE, null, 0, hint);
  }

  /**
   * Only regular files inside {@code folder}, named by a relative path without {@code ..}, no
   * larger than {@code maxBytes}, and not reached through a symbolic link that leaves the folder.
   */
  public static ScenarioFiles confinedTo(Path folder, long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    return new ScenarioFiles(Mode.CONFINED, folder.toAbsolutePath().normalize(), maxBytes, "");
  }

  /** Whether messages may quote what a file holds (its header, a cell): only for the user's own files. */
  boolean quotesContents() {
    return mode == Mode.BESIDE;
  }

  /** How messages name a file: the resolved path for the user's own, the reference as written otherwise. */
  String describe(Path file, String reference) {
    return mode == Mode.BESIDE ? file.toString() : reference;
  }

  /**
   * The file that {@code reference} names, checked against this policy.
   *
   * @param what how messages call the file ("CSV file", "actuals file")
   * @throws org.peergrid.grid.ValidationException at {@code at} when the policy refuses it or it does not exist
   */
  Path locate(String reference, ScenarioNode at, String what) {
    switch (mode) {
      case BESIDE -> {
        Path file = folder.resolve(reference).normalize();
        if (!Files.exists(file)) {
          throw at.error(what + " " + file + " does not exist (paths are relative to the scenario file)");
        }
        return file;
      }
      case NONE -> throw at.error(what + " \"" + reference + "\" cannot be read: " + noFilesHint);
      default -> {
        return confined(reference, at, what);
      }
    }
  }

  private Path confined(String reference, ScenarioNode at, String what) {
    String hint = "; name a file inside the operator's series folder by its relative path, e.g. profiles.csv";
    Path relative;
    try {
      relative = Path.of(reference);
    } catch (InvalidPathException e) {
      throw at.error(what + " \"" + reference + "\" is not a valid file name" + hint);
    }
    if (reference.isEmpty() || relative.isAbsolute() || relative.getRoot() != null || reference.startsWith("/")
        || reference.startsWith("\\")) {
      throw at.error(what + " \"" + reference + "\" is an absolute path" + hint);
    }
    for (Path part : relative) {
      if (part.toString().equals("..")) {
        throw at.error(what + " \"" + reference + "\" climbs out with '..'" + hint);
      }
    }
    Path file = folder.resolve(relative).normalize();
    if (!file.startsWith(folder) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw at.error(what + " \"" + reference + "\" is not in the operator's series folder");
    }
    Path real;
    try {
      real = file.toRealPath();
      if (!real.startsWith(folder.toRealPath())) {
        throw at.error(what + " \"" + reference + "\" is a link that leaves the operator's series folder");
      }
    } catch (IOException e) {
      // a dangling link, or a file removed meanwhile
      throw at.error(what + " \"" + reference + "\" is not in the operator's series folder");
    }
    if (!Files.isRegularFile(real)) {
      throw at.error(what + " \"" + reference + "\" is not a regular file");
    }
    return real;
  }

  /**
   * A located file's text (UTF-8), at most this policy's size; read with a bound, so that a file that
   * grows after it was located, or a device, cannot exhaust memory.
   */
  String read(Path file, String reference, ScenarioNode at, String what) throws IOException {
    if (mode == Mode.BESIDE) {
      return Files.readString(file);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw at.error(what + " \"" + reference + "\" has more than " + maxBytes + " bytes, the most a scenario may"
            + " read from the series folder");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw at.error(what + " \"" + reference + "\" is not in the operator's series folder");
    }
  }
}
