package org.peergrid.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
  @TempDir Path data;

  @Test
  void aFreshH2GetsEveryTableAndReopeningMigratesNothingTwice() {
    try (Database db = Database.open(Database.h2Url(data))) {
      List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = 'PUBLIC' ORDER BY 1")
          .mapTo(String.class).list());
      assertThat(tables).containsExactly("day_clearing", "dso_credential", "dso_token", "flyway_schema_history",
          "ledger", "market_day", "meter_reading", "offer", "participant", "realtime_result", "realtime_view", "result");
    }
    try (Database db = Database.open(Database.h2Url(data))) {
      List<String> versions = db.jdbi().withHandle(h -> h.createQuery(
              "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                  + " AND \"type\" = 'SQL'")
          .mapTo(String.class).list());
      assertThat(versions).containsExactly("1", "2", "3", "4", "5");
    }
  }
}
