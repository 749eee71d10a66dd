package org.peergrid.platform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.peergrid.platform.api.Observability;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.auth.SignedBody;
import org.peergrid.platform.market.IntakeLimits;
import org.peergrid.platform.market.MarketService;

/** A server on a free loopback port with an injected clock, and helpers that act as DSO and prosumers. */
public final class TestPlatform implements AutoCloseable {
  public static final Instant START = Instant.parse("2025-06-01T08:00:00Z");
  public static final String GATE = "2025-06-01T12:00:00Z";

  public final MutableClock clock = new MutableClock(START);
  public final PlatformServer server;
  public final Http http;
  public final String dso;
  private final SecureRandom random = new SecureRandom();

  public TestPlatform(String jdbcUrl) {
    this(jdbcUrl, Optional.empty(), IntakeLimits.DEFAULT);
  }

  /** With a folder of CSV series that day scenarios may name, and the intake's physical limits. */
  public TestPlatform(String jdbcUrl, Optional<Path> seriesFolder, IntakeLimits limits) {
    this(jdbcUrl, seriesFolder, limits, Observability.DEFAULT);
  }

  /** With who may read the metrics and where the access log goes. */
  public TestPlatform(String jdbcUrl, Observability observability) {
    this(jdbcUrl, Optional.empty(), IntakeLimits.DEFAULT, observability);
  }

  private TestPlatform(String jdbcUrl, Optional<Path> seriesFolder, IntakeLimits limits,
      Observability observability) {
    // the scheduler period is long: tests call clearDueDays() themselves after moving the clock
    server = PlatformServer.start(new PlatformParameters(jdbcUrl, "127.0.0.1", 0, Optional.empty(), "",
        Duration.ofHours(1), MarketService.DEFAULT_MAX_SKEW, seriesFolder, limits), clock, observability);
    http = new Http(server.port());
    dso = server.newDsoCredential().orElseThrow();
  }

  /** A registered prosumer: its key pair and bearer token. */
  public record Prosumer(String day, String id, KeyPair keys, String token) {}

  public Prosumer register(String day, String id, int bus) {
    KeyPair keys = Ed25519Keys.generate();
    Http.Response r = http.post("/api/days/" + day + "/participants", dso,
        Map.of("id", id, "bus", bus, "public_key", Ed25519Keys.encode(keys.getPublic())));
    if (r.status() != 201) {
      throw new IllegalStateException("registration failed: " + r.text());
    }
    return new Prosumer(day, id, keys, r.body().get("token").asText());
  }

  /** A signed offer envelope with a fresh nonce and the clock's time. */
  public JsonNode signed(Prosumer p, JsonNode offer) {
    return signed(p, SignedBody.OFFER, offer);
  }

  /** A signed envelope of an offer or of meter readings, with a fresh nonce and the clock's time. */
  public JsonNode signed(Prosumer p, SignedBody kind, JsonNode body) {
    return OfferSigner.sign(p.keys().getPrivate(), kind, p.day(), p.id(), OfferSigner.nonce(random), clock.instant(),
        body);
  }

  public Http.Response submit(Prosumer p, JsonNode envelope) {
    return http.post("/api/days/" + p.day() + "/offers", p.token(), envelope);
  }

  /** Signs and posts meter readings ({@code series}: JSON text of load_kw, pv_kw, wind_kw). */
  public Http.Response submitReadings(Prosumer p, String series) {
    return http.post("/api/days/" + p.day() + "/readings", p.token(),
        signed(p, SignedBody.READINGS, Community33.json(series)));
  }

  @Override
  public void close() {
    server.close();
  }
}
