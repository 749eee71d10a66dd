package org.peergrid.platform.market;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks for days whose gate has closed, every period, and clears them. The clock it compares with
 * is the service's injected one, so tests drive gate closure by advancing a clock and calling
 * {@link MarketService#clearDueDays()} directly.
 */
public final class GateClosureScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GateClosureScheduler.class);
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "peergrid-gate-closure");
    t.setDaemon(true);
    return t;
  });

  public GateClosureScheduler(MarketService market, Duration period) {
    executor.scheduleWithFixedDelay(() -> {
      try {
        market.clearDueDays().forEach(day -> LOG.info("gate closed: cleared day {}", day));
      } catch (RuntimeException e) {
        LOG.error("clearing at gate closure failed", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
