package org.peergrid.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.store.Database;

/** The server scenarios on embedded H2, as {@code peergrid serve} runs without {@code --db}. */
class H2PlatformScenarioTest extends AbstractPlatformScenarioTest {
  @TempDir Path data;

  @Override
  String freshDatabase() {
    return Database.h2Url(data);
  }
}
