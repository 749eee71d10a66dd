package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.store.Database;

/**
 * The server listens on one connector with a deep accept queue, with and without TLS: with the JDK's
 * default of 50, a burst of prosumers connecting at once lost its SYNs beyond the 50th and waited for
 * the TCP retry (p99 4.4 s in the load benchmark's first burst, docs/platform.md "Load figures").
 */
class AcceptQueueTest {
  @TempDir Path dir;

  private static List<ServerConnector> connectors(PlatformServer server) {
    return Arrays.stream(server.app().jettyServer().server().getConnectors())
        .map(ServerConnector.class::cast).toList();
  }

  @Test
  void plainHttpConnector() {
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(dir), 0),
        Clock.systemUTC())) {
      assertThat(connectors(server)).singleElement().satisfies(c -> {
        assertThat(c.getAcceptQueueSize()).isEqualTo(PlatformServer.ACCEPT_QUEUE).isGreaterThanOrEqualTo(1000);
        assertThat(c.getLocalPort()).isEqualTo(server.port());
        assertThat(c.getHost()).isEqualTo(PlatformParameters.DEFAULT_HOST);
      });
    }
  }

  @Test
  void tlsConnector() throws Exception {
    Path keystore = dir.resolve("peergrid.p12");
    SelfSignedKeystore.create(keystore, "test-only-keystore-password", "localhost");
    var params = new PlatformParameters(Database.h2Url(dir), "127.0.0.1", 0, Optional.of(keystore),
        "test-only-keystore-password", PlatformParameters.DEFAULT_GATE_CHECK_PERIOD, MarketService.DEFAULT_MAX_SKEW);
    try (PlatformServer server = PlatformServer.start(params, Clock.systemUTC())) {
      assertThat(connectors(server)).singleElement()
          .satisfies(c -> assertThat(c.getAcceptQueueSize()).isEqualTo(PlatformServer.ACCEPT_QUEUE));
    }
  }
}
