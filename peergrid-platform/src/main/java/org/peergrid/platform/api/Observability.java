package org.peergrid.platform.api;

import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Who may read {@code /metrics} and where the access log goes (docs/platform.md, "Metrics and access
 * log").
 *
 * @param metricsPublic whether {@code GET /metrics} answers without a credential; by default only the
 *     DSO's credential reads it, since request rates and day counts say how busy the market is
 * @param accessLog where the access log's lines go, one per request; {@link #NO_ACCESS_LOG} drops them
 */
public record Observability(boolean metricsPublic, Consumer<String> accessLog) {
  /** The access log's SLF4J logger: lines at INFO, so its level turns them off too. */
  public static final String ACCESS_LOGGER = "peergrid.access";
  /** Drops the access log's lines. */
  public static final Consumer<String> NO_ACCESS_LOG = line -> {};
  /** Metrics for the DSO only, the access log to the {@value #ACCESS_LOGGER} logger. */
  public static final Observability DEFAULT = new Observability(false, LoggerFactory.getLogger(ACCESS_LOGGER)::info);

  /** Without the access log. */
  public Observability withoutAccessLog() {
    return new Observability(metricsPublic, NO_ACCESS_LOG);
  }

  /** With {@code GET /metrics} public or not. */
  public Observability withMetricsPublic(boolean isPublic) {
    return new Observability(isPublic, accessLog);
  }
}
