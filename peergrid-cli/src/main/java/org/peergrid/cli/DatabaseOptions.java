package org.peergrid.cli;

import java.nio.file.Path;
import org.peergrid.grid.ValidationException;
import org.peergrid.platform.store.Database;
import picocli.CommandLine.Option;

/** Where the platform's data lives: {@code --db JDBC_URL}, or embedded H2 in {@code --data DIR}. */
final class DatabaseOptions {
  @Option(names = "--db", paramLabel = "JDBC_URL",
      description = "A database URL, e.g. jdbc:postgresql://host/db?user=u&password=p (default: embedded H2 in --data).")
  String jdbcUrl;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "peergrid-data",
      description = "Folder of the embedded H2 database when --db is not given (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  String url() {
    return jdbcUrl != null ? jdbcUrl : Database.h2Url(dataDir);
  }

  /** Opens (and migrates) the database; one that cannot be opened is the user's to fix, named without its password. */
  Database open() {
    try {
      return Database.open(url());
    } catch (RuntimeException e) {
      String where = jdbcUrl != null ? "--db" : "--data " + dataDir;
      throw new ValidationException("cannot open the database (" + where + "): "
          + String.valueOf(e.getMessage()).replaceAll("(?i)(password=)[^&;\\s]*", "$1…"));
    }
  }
}
