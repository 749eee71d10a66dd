package org.peergrid.platform.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.peergrid.platform.market.IntakeLimits;

/**
 * How the server runs.
 *
 * @param jdbcUrl the database (see {@link org.peergrid.platform.store.Database})
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param tlsKeystore a PKCS#12 keystore to serve HTTPS with; plain HTTP when empty
 * @param tlsPassword its password (empty string when there is no keystore)
 * @param gateCheckPeriod how often the scheduler looks for days whose gate has closed
 * @param maxClockSkew how far an offer's timestamp may be from the server's clock
 * @param seriesFolder the folder of CSV files that day scenarios may name; empty: series inline only
 * @param intakeLimits the physical limits of offers and readings
 */
public record PlatformParameters(String jdbcUrl, String host, int port, Optional<Path> tlsKeystore,
    String tlsPassword, Duration gateCheckPeriod, Duration maxClockSkew, Optional<Path> seriesFolder,
    IntakeLimits intakeLimits) {
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Duration DEFAULT_GATE_CHECK_PERIOD = Duration.ofSeconds(10);

  public PlatformParameters {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in 0..65535, got " + port);
    }
    if (gateCheckPeriod.isNegative() || gateCheckPeriod.isZero()) {
      throw new IllegalArgumentException("the gate check period must be positive");
    }
  }

  /** Without a series folder, with the default intake limits. */
  public PlatformParameters(String jdbcUrl, String host, int port, Optional<Path> tlsKeystore, String tlsPassword,
      Duration gateCheckPeriod, Duration maxClockSkew) {
    this(jdbcUrl, host, port, tlsKeystore, tlsPassword, gateCheckPeriod, maxClockSkew, Optional.empty(),
        IntakeLimits.DEFAULT);
  }

  /** Plain HTTP with the defaults, on a database. */
  public static PlatformParameters of(String jdbcUrl, int port) {
    return new PlatformParameters(jdbcUrl, DEFAULT_HOST, port, Optional.empty(), "", DEFAULT_GATE_CHECK_PERIOD,
        org.peergrid.platform.market.MarketService.DEFAULT_MAX_SKEW);
  }
}
