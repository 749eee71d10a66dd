package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.auth.Hashes;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.RawHttp;
import org.peergrid.platform.testsupport.TestPlatform;

/**
 * Guessing credentials: a guess costs the server one hash, not a PBKDF2 run, and unknown credentials
 * are answered 429 with Retry-After once a client address, or a token kind over all addresses, has
 * failed too often, while the operator's own credential still works from elsewhere.
 */
class CredentialAttackTest {
  @TempDir Path data;
  TestPlatform p;

  @BeforeEach
  void start() {
    p = new TestPlatform(Database.h2Url(data));
  }

  @AfterEach
  void stop() {
    if (p != null) {
      p.close();
    }
  }

  private static String guess(int i) {
    return "dso_" + "guess".repeat(8) + i;
  }

  private static long legacyRows(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM dso_credential").mapTo(Long.class).one());
  }

  @Test
  void theStoredDsoCredentialIsTheSha256OfItsTokenAndAGuessCostsNoPbkdf2() {
    Jdbi jdbi = p.server.database().jdbi();
    String stored = jdbi.withHandle(h -> h.createQuery("SELECT token_sha256 FROM dso_token").mapTo(String.class).one());
    assertThat(stored).isEqualTo(Hashes.sha256(p.dso));
    assertThat(legacyRows(jdbi)).isZero();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    p.http.get("/api/days", guess(-1)); // warms the path up
    long cpu = os.getProcessCpuTime();
    for (int i = 0; i < RequestAccess.ADDRESS_BURST - 2; i++) {
      assertThat(p.http.get("/api/days", guess(i)).status()).isEqualTo(401);
    }
    long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
    // 600,000 PBKDF2 iterations took about 150 ms of CPU per guess here: 18 guesses would be near 3 s
    assertThat(cpuMs).as("CPU of %d wrong guesses, client included", RequestAccess.ADDRESS_BURST - 2)
        .isLessThan(1000);
    assertThat(p.http.get("/api/days", p.dso).status()).isEqualTo(200);
  }

  @Test
  void failuresFromOneAddressAreAnswered429WithRetryAfterUntilItHasPassed() {
    int port = p.server.port();
    for (int i = 0; i < RequestAccess.ADDRESS_BURST; i++) {
      assertThat(RawHttp.get("127.0.0.2", port, "/api/days", guess(i)).status()).isEqualTo(401);
    }
    RawHttp.Response limited = RawHttp.get("127.0.0.2", port, "/api/days", guess(99));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isEqualTo(String.valueOf(RequestAccess.ADDRESS_REFILL.toSeconds()));
    JsonNode body = Community33.json(limited.body());
    assertThat(body.at("/error/code").asInt()).isEqualTo(1005);
    assertThat(body.at("/error/message").asText()).contains("127.0.0.2");
    assertThat(RawHttp.get("127.0.0.2", port, "/api/days", p.dso).status())
        .as("the address waits, whatever it sends").isEqualTo(429);
    assertThat(RawHttp.get("127.0.0.3", port, "/api/days", p.dso).status()).as("another address").isEqualTo(200);
    p.clock.advance(RequestAccess.ADDRESS_REFILL);
    assertThat(RawHttp.get("127.0.0.2", port, "/api/days", p.dso).status()).isEqualTo(200);
    assertThat(RawHttp.get("127.0.0.2", port, "/api/days", guess(100)).status()).isEqualTo(401);
    assertThat(RawHttp.get("127.0.0.2", port, "/api/days", guess(101)).status()).isEqualTo(429);
  }

  @Test
  void guessesFromManyAddressesAreLimitedByKindWithoutLockingOutTheOperatorOrKnownProsumers() {
    int port = p.server.port();
    assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).status()).isEqualTo(201);
    TestPlatform.Prosumer b06 = p.register("d1", "B06", 6);
    assertThat(p.http.get("/api/days/d1/participants/B06/offers", b06.token()).status()).isEqualTo(200);
    int addresses = RequestAccess.KIND_BURST / RequestAccess.ADDRESS_BURST;
    for (int a = 0; a < addresses; a++) {
      for (int i = 0; i < RequestAccess.ADDRESS_BURST; i++) {
        RawHttp.get("127.0.1." + (a + 1), port, "/api/days", guess(i));
      }
    }
    RawHttp.Response limited = RawHttp.get("127.0.2.1", port, "/api/days", guess(0));
    assertThat(limited.status()).as("a fresh address guessing a dso_ token").isEqualTo(429);
    assertThat(Community33.json(limited.body()).at("/error/message").asText()).contains("dso_");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
    assertThat(RawHttp.get("127.0.2.2", port, "/api/days", p.dso).status()).as("the operator").isEqualTo(200);
    assertThat(RawHttp.get("127.0.2.3", port, "/api/days/d1/participants/B06/offers", b06.token()).status())
        .as("a prosumer of another kind").isEqualTo(200);
    p.clock.advance(Duration.ofMinutes(1));
    assertThat(RawHttp.get("127.0.2.4", port, "/api/days", guess(1)).status()).isEqualTo(401);
  }

  @Test
  void aPbkdf2StoredCredentialOfAnEarlierVersionIsReplacedAtStart(@TempDir Path old) {
    p.close();
    p = null;
    String url = Database.h2Url(old);
    // a database as an earlier version left it: schema 3, the empty H2 password, a PBKDF2-stored credential
    Flyway.configure().dataSource(url, "", "").target("3").load().migrate();
    Jdbi.create(url, "", "").useHandle(h -> h.createUpdate("INSERT INTO dso_credential (id, password_hash,"
        + " created_ms) VALUES (1, 'pbkdf2-sha256$600000$c2FsdA==$aGFzaA==', 0)").execute());
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(url, 0), java.time.Clock.systemUTC())) {
      assertThat(server.dsoCredentialReplacedPbkdf2()).isTrue();
      String issued = server.newDsoCredential().orElseThrow();
      assertThat(new Http(server.port()).get("/api/days", issued).status()).isEqualTo(200);
      assertThat(legacyRows(server.database().jdbi())).isZero();
    }
    try (PlatformServer again = PlatformServer.start(PlatformParameters.of(url, 0), java.time.Clock.systemUTC())) {
      assertThat(again.newDsoCredential()).as("issued once").isEmpty();
    }
  }
}
