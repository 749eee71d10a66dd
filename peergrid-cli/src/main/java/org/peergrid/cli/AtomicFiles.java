package org.peergrid.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a set of report files so that a failure never leaves half of them: every file goes to a
 * temporary file in the target folder first (same file system, so the move is a rename), and only
 * when all are written are they moved into place.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * @param dir the folder, created if needed
   * @param files name → content
   * @param stale names of earlier outputs that this set replaces by absence: deleted afterwards,
   *     so that the folder never mixes two runs
   */
  public static void write(Path dir, Map<String, String> files, Collection<String> stale) throws IOException {
    Map<String, byte[]> bytes = new java.util.LinkedHashMap<>();
    files.forEach((name, text) -> bytes.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    writeBytes(dir, bytes, stale);
  }

  /** The same for binary files (images); names are plain file names inside {@code dir}. */
  public static void writeBytes(Path dir, Map<String, byte[]> files, Collection<String> stale) throws IOException {
    Files.createDirectories(dir);
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        // Not Files.createTempFile: its owner-only permissions would stay on the report files.
        Path temp = dir.resolve("." + file.getKey() + "." + UUID.randomUUID() + ".tmp");
        moves.add(new Path[] {temp, dir.resolve(file.getKey())});
        Files.write(temp, file.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      }
      for (Path[] move : moves) {
        move(move[0], move[1]);
      }
    } finally {
      for (Path[] move : moves) {
        Files.deleteIfExists(move[0]);
      }
    }
    for (String name : stale) {
      Files.deleteIfExists(dir.resolve(name));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
