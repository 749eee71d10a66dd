package org.peergrid.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import org.peergrid.platform.auth.PrivateFiles;

/**
 * The embedded H2 database's password: generated at the first start, kept in a 0600 file beside the
 * database ({@code peergrid.h2-password} in the data folder), read by every process that opens the
 * folder (the server, {@code peergrid ledger verify}). H2's auto-server lets such a second process in
 * over TCP, so the database must not have the empty password H2 starts with; a database made by an
 * earlier version with the empty password gets the generated one at its next opening.
 */
final class H2Password {
  /** H2's "wrong user name or password". */
  private static final int WRONG_PASSWORD = 28000;
  private static final String FILE_URL = "jdbc:h2:file:";
  static final String SUFFIX = ".h2-password";

  private H2Password() {}

  /** The password file for an H2 file URL without credentials of its own; empty for any other URL. */
  static Optional<Path> fileFor(String jdbcUrl) {
    if (!jdbcUrl.startsWith(FILE_URL)) {
      return Optional.empty();
    }
    String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
    if (upper.contains(";USER=") || upper.contains(";PASSWORD=")) {
      return Optional.empty();
    }
    int end = jdbcUrl.indexOf(';');
    String base = jdbcUrl.substring(FILE_URL.length(), end < 0 ? jdbcUrl.length() : end);
    return Optional.of(Path.of(base + SUFFIX));
  }

  /**
   * The password in the file, made if there is none; the database gets it if it still has the empty
   * password of an earlier version.
   */
  static String prepare(String jdbcUrl, Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(file.toAbsolutePath().getParent());
        PrivateFiles.createNew(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret)
            .getBytes(StandardCharsets.US_ASCII));
      } else {
        PrivateFiles.restrict(file);
      }
      String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
      setIfEmpty(jdbcUrl, password);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the database password in " + file, e);
    }
  }

  /** Opens with the password (which creates a new database with it), else sets it on an old one. */
  private static void setIfEmpty(String jdbcUrl, String password) {
    try (Connection ignored = DriverManager.getConnection(jdbcUrl, "", password)) {
      return;
    } catch (SQLException e) {
      if (e.getErrorCode() != WRONG_PASSWORD) {
        throw new IllegalStateException("cannot open " + jdbcUrl + ": " + e.getMessage(), e);
      }
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl, "", ""); Statement s = c.createStatement()) {
      s.execute("ALTER USER \"\" SET PASSWORD '" + password.replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("the database " + jdbcUrl + " refuses the password in its "
          + SUFFIX + " file and is not an earlier version's with the empty password: " + e.getMessage(), e);
    }
  }
}
