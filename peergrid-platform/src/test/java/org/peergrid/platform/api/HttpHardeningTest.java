package org.peergrid.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peergrid.platform.store.Database;
import org.peergrid.platform.testsupport.Community33;
import org.peergrid.platform.testsupport.Http;
import org.peergrid.platform.testsupport.RawHttp;
import org.peergrid.platform.testsupport.TestPlatform;

/**
 * What a careless or hostile client sends below the API: requests Jetty cannot parse, bodies that
 * never arrive, hundreds of stalled connections with one token, and a handler that runs out of
 * memory. Every answer is a JSON error; honest clients keep being served. The dashboard's answers
 * carry the security headers.
 */
class HttpHardeningTest {
  @TempDir Path data;
  TestPlatform p;
  TestPlatform.Prosumer b06;
  TestPlatform.Prosumer b18;

  @BeforeEach
  void start() {
    p = new TestPlatform(Database.h2Url(data));
    assertThat(p.http.post("/api/days", p.dso, Community33.openDay("d1", TestPlatform.GATE)).status()).isEqualTo(201);
    b06 = p.register("d1", "B06", 6);
    b18 = p.register("d1", "B18", 18);
  }

  @AfterEach
  void stop() {
    if (p != null) {
      p.close();
    }
  }

  private static JsonNode error(RawHttp.Response r) {
    assertThat(r.header("Content-Type")).as(r.head() + "\n" + r.body()).startsWith("application/json");
    return Community33.json(r.body()).get("error");
  }

  @Test
  void requestsJettyRefusesAreAnsweredAsJsonErrors() {
    int port = p.server.port();
    RawHttp.Response garbage = RawHttp.exchange("127.0.0.1", port, "NOT HTTP AT ALL\r\n\r\n");
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(error(garbage).get("code").asInt()).isEqualTo(ApiError.HTTP_REFUSED.code());

    RawHttp.Response longUri = RawHttp.get("127.0.0.1", port, "/api/days/" + "x".repeat(20_000), null);
    assertThat(longUri.status()).isEqualTo(414);
    assertThat(error(longUri).get("code").asInt()).isEqualTo(ApiError.URI_TOO_LONG.code());

    RawHttp.Response bigHeader = RawHttp.exchange("127.0.0.1", port, "GET /api/health HTTP/1.1\r\nHost: x\r\n"
        + "X-Padding: " + "y".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
    assertThat(bigHeader.status()).isEqualTo(431);
    assertThat(error(bigHeader).get("code").asInt()).isEqualTo(ApiError.HEADERS_TOO_LARGE.code());
    assertThat(bigHeader.body()).doesNotContain("<html", "Exception");

    RawHttp.Response missingFile = RawHttp.get("127.0.0.1", port, "/dashboard/no-such-file.js", null);
    assertThat(missingFile.status()).isEqualTo(404);
    assertThat(error(missingFile).get("code").asInt()).isEqualTo(ApiError.NO_SUCH_ENDPOINT.code());
  }

  @Test
  void aBodyThatStopsArrivingIsAnswered408AfterTheRequestIdleTimeout() throws IOException {
    try (Socket s = RawHttp.connect("127.0.0.1", p.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("POST /api/days/d1/offers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + b06.token()
          + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"day\":").getBytes(StandardCharsets.UTF_8));
      out.flush();
      long start = System.nanoTime();
      RawHttp.Response r = RawHttp.read(s.getInputStream());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(r.status()).as(r.head()).isEqualTo(408);
      assertThat(error(r).get("code").asInt()).isEqualTo(ApiError.REQUEST_TIMEOUT.code());
      assertThat(seconds).isBetween(PlatformServer.REQUEST_IDLE_TIMEOUT.toSeconds() - 1.0,
          PlatformServer.REQUEST_IDLE_TIMEOUT.toSeconds() + 5.0);
    }
  }

  @Test
  void threeHundredStalledBodiesWithOneTokenHoldFewThreadsAndOthersAreServed() throws Exception {
    int stalled = 300;
    List<Socket> sockets = new ArrayList<>();
    long connecting = System.nanoTime();
    try {
      for (int i = 0; i < stalled; i++) {
        Socket s = RawHttp.connect("127.0.0.1", p.server.port());
        s.getOutputStream().write(("POST /api/days/d1/offers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + b06.token() + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
            .getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        sockets.add(s);
      }
      long start = System.nanoTime();
      Http.Response honest = p.submit(b18, p.signed(b18, Community33.offerB18()));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(honest.status()).as(honest.text()).isEqualTo(201);
      assertThat(seconds).as("another prosumer's offer while %d bodies stall", stalled).isLessThan(3.0);

      int refused = 0;
      List<Integer> others = new ArrayList<>();
      for (Socket s : sockets) {
        s.setSoTimeout(2000);
        RawHttp.Response r = RawHttp.read(s.getInputStream());
        if (r.status() != 429) {
          others.add(r.status());
        } else {
          refused++;
          assertThat(Community33.json(r.body()).at("/error/code").asInt())
              .isEqualTo(ApiError.TOO_MANY_IN_FLIGHT.code());
        }
      }
      assertThat(refused).as("answered 429 at once, without waiting for their bodies (the others: %s,"
          + " %.1f s after the first connection)", others, (System.nanoTime() - connecting) / 1e9)
          .isGreaterThanOrEqualTo(stalled - InFlightLimit.PER_TOKEN);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }

  @Test
  void theDashboardAndTheApiSendSecurityHeaders() {
    int port = p.server.port();
    for (String path : List.of("/dashboard/index.html", "/dashboard/app.js", "/api/health", "/api/days/none")) {
      RawHttp.Response r = RawHttp.get("127.0.0.1", port, path, null);
      assertThat(r.header("Content-Security-Policy")).as(path).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
          .contains("frame-ancestors 'none'", "script-src 'self'");
      assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }
  }

  @Test
  void anOutOfMemoryErrorInAHandlerIsAJson500WithAReference() {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.jetty.port = 0;
      config.routes.get("/boom", ctx -> {
        throw new OutOfMemoryError("Java heap space (thrown by the test)");
      });
      ErrorAnswers.install(config, JsonBodies.MAX_BYTES);
    }).start();
    try {
      RawHttp.Response r = RawHttp.get("127.0.0.1", app.port(), "/boom", null);
      assertThat(r.status()).isEqualTo(500);
      JsonNode e = error(r);
      assertThat(e.get("code").asInt()).isEqualTo(ApiError.INTERNAL.code());
      assertThat(e.get("message").asText()).containsPattern("reference [0-9a-f-]{36}").doesNotContain("heap");
    } finally {
      app.stop();
    }
  }
}
