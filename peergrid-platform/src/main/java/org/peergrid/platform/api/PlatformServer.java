package org.peergrid.platform.api;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform: database, market, gate-closure scheduler and the HTTP server. Failures
 * reach clients only as {@link ApiError} JSON bodies; stack traces go to the server log.
 */
public final class PlatformServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);
  /**
   * Connections the operating system may hold for the acceptor. Prosumers connect in bursts (before
   * gate closure); with the JDK's default of 50 the rest of a burst is dropped and the clients wait
   * for their TCP retry, one second or more (Linux caps the value at net.core.somaxconn).
   */
  static final int ACCEPT_QUEUE = 1024;

  private final Database database;
  private final MarketService market;
  private final GateClosureScheduler scheduler;
  private final Javalin app;
  private final Optional<DsoCredential.Issued> newDsoCredential;

  private PlatformServer(PlatformParameters params, Clock clock) {
    SecureRandom random = new SecureRandom();
    database = Database.open(params.jdbcUrl());
    try {
      newDsoCredential = DsoCredential.ensure(database.jdbi(), random, clock);
      MarketStore store = new MarketStore(database.jdbi());
      Ledger ledger = new Ledger(database.jdbi(), clock);
      market = new MarketService(store, ledger, clock, random, params.maxClockSkew());
      RequestAccess access = new RequestAccess(new Authenticator(database.jdbi(), market::participantByTokenHash),
          clock);
      MarketRoutes routes = new MarketRoutes(market, ledger, new LedgerVerifier(database.jdbi()), access);
      String openApi = resource("/platform/openapi.json");
      app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = JsonBodies.MAX_BYTES;
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
        });
        config.routes.get("/", ctx -> ctx.redirect("/dashboard/index.html"));
        config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.register(config.routes);
        config.routes.exception(ApiException.class, (e, ctx) -> {
          if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
          }
          error(ctx, e.error(), e.getMessage());
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
          ApiError error = switch (e.getStatus()) {
            case 404, 405 -> ApiError.NO_SUCH_ENDPOINT;
            case 413 -> ApiError.BODY_TOO_LARGE;
            default -> ApiError.MALFORMED_BODY;
          };
          error(ctx, error, error == ApiError.NO_SUCH_ENDPOINT ? error.format(ctx.method() + " " + ctx.path())
              : error == ApiError.BODY_TOO_LARGE ? error.format(JsonBodies.MAX_BYTES) : error.format(e.getMessage()));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
          String reference = UUID.randomUUID().toString();
          LOG.error("request {} {} failed, reference {}", ctx.method(), ctx.path(), reference, e);
          error(ctx, ApiError.INTERNAL, ApiError.INTERNAL.format(reference));
        });
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
    return new PlatformServer(params, clock);
  }

  private static void error(io.javalin.http.Context ctx, ApiError error, String message) {
    ctx.status(error.status()).json(Map.of("error", Map.of("code", error.code(), "name", error.name(),
        "message", message)));
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

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    scheduler.close();
    app.stop();
    market.close();
    database.close();
  }
}
