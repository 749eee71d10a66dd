package org.peergrid.platform.api;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.store.DayState;

/**
 * The platform's meters in one Prometheus registry: the JVM's, one timer per route template and
 * status, and the market's counters (docs/platform.md, "Metrics and access log"). Labels take values
 * from small fixed sets only (route templates, status codes, error names, day states): never a
 * participant, day or receipt, which would leak who trades and let clients grow the series without
 * bound.
 */
final class PlatformMetrics implements AutoCloseable {
  /** Prometheus's text format 0.0.4, what {@link PrometheusMeterRegistry#scrape()} writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  static final String OFFERS_ROUTE = "/api/days/{day}/offers";
  static final String READINGS_ROUTE = "/api/days/{day}/readings";
  /** The route label of a request that matched no route, so that probing random paths adds no series. */
  static final String UNMATCHED = "unmatched";
  static final String DASHBOARD = "/dashboard/*";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  PlatformMetrics(MarketService market, Ledger ledger) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    market.observeClearings((outcome, nanos) -> Timer.builder("peergrid.clearings")
        .description("Market clearings run, by the DSO or at gate closure, by the day's state afterwards")
        .tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS));
    FunctionCounter.builder("peergrid.ledger.entries", ledger, Ledger::entriesCommitted)
        .description("Ledger entries committed since the server started").register(registry);
    for (DayState state : DayState.values()) {
      Gauge.builder("peergrid.market.days", market.store(), store -> store.dayCount(state))
          .description("Market days in each state").tag("state", state.name().toLowerCase(Locale.ROOT))
          .register(registry);
    }
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  String scrape() {
    return registry.scrape();
  }

  /** A request has been answered: its timer and, for offers and readings, their counters. */
  void answered(Context ctx, String route, long nanos) {
    int status = ctx.statusCode();
    Timer.builder("peergrid.http.server.requests").description("HTTP requests by route template and status")
        .tag("method", ctx.method().name()).tag("route", route).tag("status", String.valueOf(status))
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    if (ctx.method().name().equals("POST") && (route.equals(OFFERS_ROUTE) || route.equals(READINGS_ROUTE))) {
      String name = route.equals(OFFERS_ROUTE) ? "peergrid.offers" : "peergrid.readings";
      boolean accepted = status == 201;
      ApiError error = ctx.attribute(ErrorAnswers.ERROR_ATTRIBUTE);
      String reason = accepted ? "none" : error != null ? error.name().toLowerCase(Locale.ROOT) : "status_" + status;
      Counter.builder(name).description("Signed envelopes accepted or refused, with the refusal's error name")
          .tag("result", accepted ? "accepted" : "refused").tag("reason", reason).register(registry).increment();
    }
  }

  /** The route template a request matched, or a fixed stand-in: never its raw path. */
  static String route(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched != null) {
      return matched.path;
    }
    return ctx.path().startsWith("/dashboard/") ? DASHBOARD : UNMATCHED;
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
