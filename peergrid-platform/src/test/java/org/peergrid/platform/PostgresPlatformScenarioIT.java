package org.peergrid.platform;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The same server scenarios on a real PostgreSQL server, whose JDBC URL (user and password in it)
 * is in {@code PEERGRID_TEST_POSTGRES_URL}; .ci/run installs, starts and exports it. Under CI
 * ({@code CI=true}) a missing or unreachable database fails the build; elsewhere the tests skip.
 * Each test gets its own schema, so runs never see each other's rows.
 */
class PostgresPlatformScenarioIT extends AbstractPlatformScenarioTest {
  static final String URL_VARIABLE = "PEERGRID_TEST_POSTGRES_URL";

  @Override
  String freshDatabase() {
    String url = System.getenv(URL_VARIABLE);
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (url == null || url.isBlank()) {
      if (ci) {
        fail(URL_VARIABLE + " is not set; .ci/run must start PostgreSQL and export it");
      }
      Assumptions.abort(URL_VARIABLE + " is not set: PostgreSQL tests skipped outside CI");
    }
    String schema = "it_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (ci) {
        fail("PostgreSQL at " + URL_VARIABLE + " is unreachable: " + e.getMessage());
      }
      Assumptions.abort("PostgreSQL unreachable, tests skipped outside CI: " + e.getMessage());
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
