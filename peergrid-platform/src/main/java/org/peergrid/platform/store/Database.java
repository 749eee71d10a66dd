package org.peergrid.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's database: embedded H2 in a data folder by default, or a JDBC URL (PostgreSQL is
 * tested; user and password go in the URL, e.g. {@code ?user=u&password=p}). Opening applies the
 * Flyway migrations in {@code db/migration}, so a fresh database gets the schema and an older one is
 * brought up to date before the server answers. Connections are pooled.
 */
public final class Database implements AutoCloseable {
  private static final int POOL_SIZE = 8;

  static {
    // H2's auto-server (below) would listen on every interface; only this machine's processes need it.
    // H2 reads the property once, when its first class loads, so it is set before any H2 use here.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final HikariDataSource pool;
  private final Jdbi jdbi;

  private Database(HikariDataSource pool) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
  }

  /**
   * The embedded H2 URL for a data folder. {@code WRITE_DELAY=0} makes every commit reach the file
   * before the commit returns, which receipts depend on (by default H2 delays writes by up to 500 ms,
   * and a killed process would lose acknowledged offers). {@code AUTO_SERVER=TRUE} lets a second
   * process, such as {@code peergrid ledger verify}, open the database while the server runs, over TCP
   * on 127.0.0.1 only, with the password of {@link H2Password}.
   */
  public static String h2Url(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("peergrid") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
  }

  /** Connects, pools and migrates. */
  public static Database open(String jdbcUrl) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    H2Password.fileFor(jdbcUrl).ifPresent(file -> {
      config.setUsername("");
      config.setPassword(H2Password.prepare(jdbcUrl, file));
    });
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("peergrid");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(pool).load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new Database(pool);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public void close() {
    pool.close();
  }
}
