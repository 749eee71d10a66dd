package org.peergrid.platform.api;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.peergrid.platform.auth.Authenticator;
import org.peergrid.platform.auth.DsoCredential;
import org.peergrid.platform.ledger.Ledger;
import org.peergrid.platform.ledger.LedgerVerifier;
import org.peergrid.platform.market.GateClosureScheduler;
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.store.MarketStore;

/**
 * The running platform: database, market, gate-closure scheduler and the HTTP server. Failures
 * reach clients only as {@link ApiError} JSON bodies; stack traces go to the server log.
 */
public final class PlatformServer implements AutoCloseable {
  /**
   * Connections the operating system may hold for the acceptor. Prosumers connect in bursts (before
   * gate closure); with the JDK's default of 50 the rest of a burst is dropped and the clients wait
   * for their TCP retry, one second or more (Linux caps the value at net.core.somaxconn).
   */
  static final int ACCEPT_QUEUE = 1024;
  /** How long a request may send nothing while the server waits for its body. */
  static final Duration REQUEST_IDLE_TIMEOUT = Duration.ofSeconds(10);
  /** The slowest a body may arrive once it has started (a 256 KiB body in 4 minutes). */
  static final long MIN_BODY_BYTES_PER_SECOND = 1024;

  private final Database database;
  private final MarketService market;
  private final GateClosureScheduler scheduler;
  private final Javalin app;
  private final Optional<DsoCredential.Issued> newDsoCredential;
  private final PlatformMetrics metrics;

  private PlatformServer(PlatformParameters params, Clock clock, Observability observability) {
    SecureRandom random = new SecureRandom();
    database = Database.open(params.jdbcUrl());
    try {
      newDsoCredential = DsoCredential.ensure(database.jdbi(), random, clock);
      MarketStore store = new MarketStore(database.jdbi());
      Ledger ledger = new Ledger(database.jdbi(), clock);
      market = new MarketService(store, ledger, clock, random, params.maxClockSkew(), params.seriesFolder(),
          params.intakeLimits());
      RequestAccess access = new RequestAccess(new Authenticator(database.jdbi(), market::participantByTokenHash),
          clock);
      MarketRoutes routes = new MarketRoutes(market, ledger, new LedgerVerifier(database.jdbi()), access);
      String openApi = resource("/platform/openapi.json");
      metrics = new PlatformMetrics(market, ledger);
      AccessLog accessLog = new AccessLog(observability.accessLog());
      InFlightLimit inFlight = new InFlightLimit();
      app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = JsonBodies.MAX_BYTES;
        config.jetty.modifyHttpConfiguration(http -> {
          // a request's body must keep arriving: silence while a handler waits for it ends it after this
          // time (Jetty's connection idle timeout, 30 s, still applies between requests), and a body
          // trickling in below this rate is refused with 408
          http.setIdleTimeout(REQUEST_IDLE_TIMEOUT.toMillis());
          http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
          http.setSendServerVersion(false);
        });
        config.jetty.host = params.host();
        config.jetty.port = params.port();
        if (params.tlsKeystore().isPresent()) {
          Tls.configure(config, params.tlsKeystore().get(), params.tlsPassword(), params.host(), params.port());
        } else {
          config.jetty.addConnector((server, httpConfig) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost(params.host());
            connector.setPort(params.port());
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            return connector;
          });
        }
        config.staticFiles.add(files -> {
          files.hostedPath = "/dashboard";
          files.directory = "/platform/dashboard";
          files.location = Location.CLASSPATH;
          files.headers = SecurityHeaders.ALL;
        });
        // the dashboard's chart library (uPlot) from its webjar on the class path, at /webjars/uplot/VERSION/
        config.staticFiles.enableWebjars();
        config.routes.get("/", ctx -> ctx.redirect("/dashboard/index.html"));
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.register(config.routes);
        config.routes.get("/metrics", ctx -> {
          if (!observability.metricsPublic()) {
            access.requireDso(ctx, "read the metrics");
          }
          ctx.contentType(PlatformMetrics.CONTENT_TYPE).result(metrics.scrape());
        });
        config.requestLogger.http((ctx, millis) -> {
          String route = PlatformMetrics.route(ctx);
          long nanos = (long) (millis * 1e6);
          metrics.answered(ctx, route, nanos);
          accessLog.answered(ctx, route, nanos);
        });
        config.router.handlerWrapper(endpoint -> endpoint.method.isHttpMethod() ? inFlight.guard(endpoint.handler)
            : endpoint.handler);
        config.routes.before(ctx -> SecurityHeaders.ALL.forEach(ctx::header));
        ErrorAnswers.install(config, JsonBodies.MAX_BYTES);
      });
      app.start();
      scheduler = new GateClosureScheduler(market, params.gateCheckPeriod());
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Opens the database (migrating it), creates the DSO credential if needed and starts serving. */
  public static PlatformServer start(PlatformParameters params, Clock clock) {
    return new PlatformServer(params, clock, Observability.DEFAULT);
  }

  /** As {@link #start(PlatformParameters, Clock)}, with who reads the metrics and where the access log goes. */
  public static PlatformServer start(PlatformParameters params, Clock clock, Observability observability) {
    return new PlatformServer(params, clock, observability);
  }

  private static String resource(String path) {
    try (InputStream in = PlatformServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** The DSO credential made at this start, when the database had none: show it once. */
  public Optional<String> newDsoCredential() {
    return newDsoCredential.map(DsoCredential.Issued::secret);
  }

  /** Whether the credential made at this start replaces a PBKDF2-stored one of an earlier version. */
  public boolean dsoCredentialReplacedPbkdf2() {
    return newDsoCredential.map(DsoCredential.Issued::replacedPbkdf2).orElse(false);
  }

  public MarketService market() {
    return market;
  }

  /** The HTTP application, for tests that list its routes. */
  public Javalin app() {
    return app;
  }

  /** The registry behind {@code /metrics}, for an embedder that adds its own meters or publishes elsewhere. */
  public io.micrometer.core.instrument.MeterRegistry meterRegistry() {
    return metrics.registry();
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    scheduler.close();
    app.stop();
    metrics.close();
    market.close();
    database.close();
  }
}
