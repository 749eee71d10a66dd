package org.peergrid.platform.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (private keys, keystores, the database password): readable and writable by
 * their owner only (0600) on file systems with POSIX permissions, and never readable by others even
 * for a moment: each is created with those permissions before anything is written into it.
 */
public final class PrivateFiles {
  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /**
   * Writes a new file with the content.
   *
   * @throws java.nio.file.FileAlreadyExistsException when it exists (a secret is never overwritten)
   */
  public static void createNew(Path file, byte[] content) throws IOException {
    if (posix(file.toAbsolutePath().getParent())) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } else {
      Files.createFile(file);
    }
    Files.write(file, content);
  }

  /**
   * A new folder beside {@code file} that only the owner can enter, for a tool (such as keytool) that
   * writes a secret file itself with the default permissions; move the file out with {@link #moveIn}.
   */
  public static Path privateFolderBeside(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    FileAttribute<?>[] attributes = posix(parent)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)} : new FileAttribute<?>[0];
    return Files.createTempDirectory(parent, ".private-", attributes);
  }

  /** Restricts a file written in a private folder to its owner and moves it to {@code target} (not replacing). */
  public static void moveIn(Path written, Path target) throws IOException {
    restrict(written);
    if (Files.exists(target)) {
      throw new java.nio.file.FileAlreadyExistsException(target.toString());
    }
    Files.move(written, target);
  }

  /** Restricts an existing file to its owner (nothing on file systems without POSIX permissions). */
  public static void restrict(Path file) throws IOException {
    if (posix(file)) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix(Path p) {
    return p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
