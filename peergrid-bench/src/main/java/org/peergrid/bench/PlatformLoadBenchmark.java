package org.peergrid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.peergrid.platform.api.PlatformParameters;
import org.peergrid.platform.api.PlatformServer;
import org.peergrid.platform.auth.Ed25519Keys;
import org.peergrid.platform.auth.OfferSigner;
import org.peergrid.platform.store.Database;

/**
 * Load benchmark of offer submission on loopback (issue 9): N prosumers, each with its own key and
 * token, submit one signed offer each through C concurrent connections to a server on embedded H2.
 * Reports throughput and latency percentiles of acknowledged (committed) offers. Bounded: N offers
 * at most, and it stops sending after the time limit. Targets 127.0.0.1 only.
 *
 * <p>Run from the repository root after {@code ./mvnw -q -B -DskipTests -pl peergrid-bench -am package}:
 * {@code java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" org.peergrid.bench.PlatformLoadBenchmark
 * [PROSUMERS] [CONCURRENCY] [TIME_LIMIT_S]} (defaults 1000, 32, 120).
 */
public final class PlatformLoadBenchmark {
  private PlatformLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int prosumers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    long limitNanos = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 120);
    Path root = Path.of(System.getProperty("peergrid.root.dir", "."));
    Path data = Files.createTempDirectory("peergrid-load");
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(data), 0),
        Clock.systemUTC())) {
      var market = server.market();
      market.openDay("load", Files.readString(root.resolve("examples/scenarios/community33.yaml")),
          Files.readString(root.resolve("examples/feeders/case33bw.m")), "dlmp", Instant.now().plus(Duration.ofHours(1)));
      ObjectMapper json = new ObjectMapper();
      JsonNode offer = json.readTree("{\"load_kw\": [20, 35, 40, 60], \"pv_kw\": [0, 60, 80, 0]}");
      SecureRandom random = new SecureRandom();
      String[] tokens = new String[prosumers];
      String[] bodies = new String[prosumers];
      for (int i = 0; i < prosumers; i++) {
        KeyPair keys = Ed25519Keys.generate();
        String id = "P" + i;
        tokens[i] = market.register("load", id, 2 + i % 32, Ed25519Keys.encode(keys.getPublic()));
        bodies[i] = OfferSigner.sign(keys.getPrivate(), "load", id, OfferSigner.nonce(random), Instant.now(), offer)
            .toString();
      }
      ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
      HttpClient client = HttpClient.newBuilder().executor(clientThreads).build();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/days/load/offers");
      long[] latency = new long[prosumers];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService senders = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      for (int c = 0; c < concurrency; c++) {
        senders.submit(() -> {
          for (int i = next.getAndIncrement(); i < prosumers && System.nanoTime() - start < limitNanos;
              i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                  + tokens[i]).POST(HttpRequest.BodyPublishers.ofString(bodies[i])).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 201) {
                failed.incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            }
            latency[i] = System.nanoTime() - t0;
          }
          return null;
        });
      }
      senders.shutdown();
      senders.awaitTermination(limitNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] done = Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
      List<String> report = new ArrayList<>();
      report.add("offers sent " + done.length + " of " + prosumers + ", failed " + failed.get() + ", concurrency "
          + concurrency);
      report.add(String.format("throughput %.0f offers/s over %.2f s", done.length / seconds, seconds));
      report.add(String.format("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f", pct(done, 0.50), pct(done, 0.90),
          pct(done, 0.99), done[done.length - 1] / 1e6));
      report.add("ledger: " + (server.market().store().offerCount("load")) + " participants with offers stored");
      report.forEach(System.out::println);
      clientThreads.shutdownNow();
    }
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
