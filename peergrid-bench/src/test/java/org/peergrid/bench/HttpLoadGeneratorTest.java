package org.peergrid.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator against the JDK's own HTTP server, which answers one request at a time:
 * counts, statuses, both body framings, and latency timed from the due time in the open loop.
 */
class HttpLoadGeneratorTest {
  private HttpServer server;
  private final AtomicInteger handled = new AtomicInteger();

  /** Answers 201 with a fixed-length body, or 400 with a chunked one when the body says "bad". */
  private InetSocketAddress start(long serviceMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/offers", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      handled.incrementAndGet();
      try {
        Thread.sleep(serviceMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] answer = ("{\"echo\":" + body + "}").getBytes(StandardCharsets.UTF_8);
      boolean bad = body.contains("bad");
      exchange.sendResponseHeaders(bad ? 400 : 201, bad ? 0 : answer.length); // 0: chunked
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start(); // the default executor: one request at a time
    return server.getAddress();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static byte[][] requests(InetSocketAddress address, int n, int everyBad) {
    byte[][] requests = new byte[n][];
    for (int i = 0; i < n; i++) {
      String body = everyBad > 0 && i % everyBad == 0 ? "\"bad\"" : "{\"i\":" + i + "}";
      requests[i] = HttpLoadGenerator.post(address, "/offers", "token-" + i, body);
    }
    return requests;
  }

  @Test
  void closedLoopSendsEveryRequestOnceAndCountsStatuses() throws IOException {
    InetSocketAddress address = start(0);
    HttpLoadGenerator.Result result = new HttpLoadGenerator(address, requests(address, 300, 10), 201)
        .closedLoop(4, TimeUnit.SECONDS.toNanos(60));
    assertThat(handled.get()).isEqualTo(300);
    assertThat(result.succeeded()).isEqualTo(270);
    assertThat(result.failed()).isEqualTo(30);
    assertThat(result.unsent()).isZero();
    assertThat(result.latencyMicros().getTotalCount()).isEqualTo(270);
    assertThat(result.firstFailure()).startsWith("HTTP/1.1 400");
  }

  @Test
  void openLoopTimesEachRequestFromWhenItWasDue() throws IOException {
    // 20 requests due within a few milliseconds, served one at a time in 50 ms each: the last is
    // answered no sooner than 1 s after the first was due. A generator timing from the send (when a
    // connection got free) would report about 50 ms for every one and hide the queue.
    InetSocketAddress address = start(50);
    HttpLoadGenerator.Result result = new HttpLoadGenerator(address, requests(address, 20, 0), 201)
        .openLoop(10_000, 1, 7, TimeUnit.SECONDS.toNanos(60));
    assertThat(result.succeeded()).isEqualTo(20);
    assertThat(result.latencyMicros().getMaxValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(950));
    assertThat(result.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(50));
  }

  @Test
  void openLoopCanConnectForEachRequest() throws IOException {
    InetSocketAddress address = start(0);
    HttpLoadGenerator.Result result = new HttpLoadGenerator(address, requests(address, 100, 25), 201)
        .openLoop(2_000, 0, 3, TimeUnit.SECONDS.toNanos(60));
    assertThat(handled.get()).isEqualTo(100);
    assertThat(result.succeeded()).isEqualTo(96);
    assertThat(result.failed()).isEqualTo(4);
    assertThat(result.unsent()).isZero();
  }

  @Test
  void closedLoopTimesFromTheSend() throws IOException {
    InetSocketAddress address = start(50);
    HttpLoadGenerator.Result result = new HttpLoadGenerator(address, requests(address, 10, 0), 201)
        .closedLoop(1, TimeUnit.SECONDS.toNanos(60));
    assertThat(result.succeeded()).isEqualTo(10);
    assertThat(result.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(50));
    assertThat(result.seconds()).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void stopsSendingAtTheTimeLimitAndReportsTheRestUnsent() throws IOException {
    InetSocketAddress address = start(100);
    HttpLoadGenerator.Result result = new HttpLoadGenerator(address, requests(address, 50, 0), 201)
        .closedLoop(1, TimeUnit.MILLISECONDS.toNanos(300));
    assertThat(result.unsent()).isPositive();
    assertThat(result.succeeded() + result.failed() + result.unsent()).isEqualTo(50);
  }
}
