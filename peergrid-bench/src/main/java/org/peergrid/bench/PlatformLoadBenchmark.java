package org.peergrid.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
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
import org.peergrid.platform.market.MarketService;
import org.peergrid.platform.store.Database;

/**
 * Load benchmark of offer submission on loopback (issue 9): N prosumers, each with its own key and
 * token, submit one signed offer each through C concurrent connections to a server on embedded H2.
 * A warm-up burst of N/2 offers on another day comes first (class loading and JIT, not measured).
 * Reports throughput and latency percentiles of acknowledged (committed) offers. Bounded: N offers
 * at most, and it stops sending after the time limit. Targets 127.0.0.1 only.
 *
 * <p>Run from the repository root after {@code ./mvnw -q -B -DskipTests -pl peergrid-bench -am package}:
 * {@code java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" org.peergrid.bench.PlatformLoadBenchmark
 * [PROSUMERS] [CONCURRENCY] [TIME_LIMIT_S] [WARM_UP_OFFERS]} (defaults 1000, 32, 120, PROSUMERS / 2): the
 * load generator in the same JVM.
 * With {@code --separate} first, the server runs in a child JVM and this one only sends and
 * measures (the fair mode).
 */
public final class PlatformLoadBenchmark {
  private PlatformLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--separate")) {
      separate(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("--serve")) {
      serve(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    int prosumers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    long limitNanos = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 120);
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : prosumers / 2;
    Path root = Path.of(System.getProperty("peergrid.root.dir", "."));
    Path data = Files.createTempDirectory("peergrid-load");
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(data), 0),
        Clock.systemUTC())) {
      var market = server.market();
      openDays(market, root);
      Burst warmup = Burst.prepare(market, "warmup", warmups);
      Burst measured = Burst.prepare(market, "load", prosumers);
      ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
      String base = "http://127.0.0.1:" + server.port() + "/api/days/";
      warmup.run(client, URI.create(base + "warmup/offers"), concurrency, limitNanos);
      long start = System.nanoTime();
      long[] done = measured.run(client, URI.create(base + "load/offers"), concurrency, limitNanos);
      double seconds = (System.nanoTime() - start) / 1e9;
      List<String> report = new ArrayList<>();
      report.add("warm-up " + warmup.size() + " offers (not measured); offers sent " + done.length + " of " + prosumers
          + ", failed " + measured.failed() + ", concurrency " + concurrency);
      report.add(String.format("throughput %.0f offers/s over %.2f s", done.length / seconds, seconds));
      report.add(String.format("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f", pct(done, 0.50), pct(done, 0.90),
          pct(done, 0.99), done[done.length - 1] / 1e6));
      report.add("ledger: " + (server.market().store().offerCount("load")) + " participants with offers stored");
      report.forEach(System.out::println);
      clientThreads.shutdownNow();
    }
  }

  /**
   * The fair mode: the server runs in a child JVM ({@code --serve}), which registers the prosumers
   * and pre-signs their offers before any timing, then this JVM only sends them and measures.
   * JVM options for the server (e.g. a flight recording) go in {@code -Dpeergrid.bench.serverJvm="..."}.
   */
  private static void separate(String[] args) throws Exception {
    int prosumers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    long limitNanos = TimeUnit.SECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 120);
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : prosumers / 2;
    Path work = Files.createTempDirectory("peergrid-load-client");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String serverJvm = System.getProperty("peergrid.bench.serverJvm", "").trim();
    if (!serverJvm.isEmpty()) {
      command.addAll(Arrays.asList(serverJvm.split("\\s+")));
    }
    command.addAll(List.of("-Dpeergrid.root.dir=" + System.getProperty("peergrid.root.dir", "."), "-cp",
        System.getProperty("java.class.path"), PlatformLoadBenchmark.class.getName(), "--serve", work.toString(),
        String.valueOf(prosumers), String.valueOf(warmups)));
    Process server = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      Path ready = work.resolve("ready");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (!Files.exists(ready)) {
        if (!server.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("the server process did not get ready");
        }
        Thread.sleep(100);
      }
      List<String> lines = Files.readAllLines(ready);
      int port = Integer.parseInt(lines.get(0));
      Burst warmup = Burst.read(work.resolve("warmup.txt"));
      Burst measured = Burst.read(work.resolve("load.txt"));
      ExecutorService clientThreads = Executors.newFixedThreadPool(concurrency);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
      String base = "http://127.0.0.1:" + port + "/api/days/";
      warmup.run(client, URI.create(base + "warmup/offers"), concurrency, limitNanos);
      long serverCpu0 = cpuNanos(server.toHandle());
      long clientCpu0 = cpuNanos(ProcessHandle.current());
      long start = System.nanoTime();
      long[] done = measured.run(client, URI.create(base + "load/offers"), concurrency, limitNanos);
      double seconds = (System.nanoTime() - start) / 1e9;
      double serverCpu = (cpuNanos(server.toHandle()) - serverCpu0) / 1e6 / Math.max(1, done.length);
      double clientCpu = (cpuNanos(ProcessHandle.current()) - clientCpu0) / 1e6 / Math.max(1, done.length);
      System.out.println("server in a separate JVM (pid " + server.pid() + "), load generator in this one");
      System.out.println(String.format("CPU per offer while measured: server %.2f ms, load generator %.2f ms", serverCpu,
          clientCpu));
      System.out.println("warm-up " + warmup.size() + " offers (not measured); offers sent " + done.length + " of "
          + prosumers + ", failed " + measured.failed() + ", concurrency " + concurrency);
      System.out.println(String.format("throughput %.0f offers/s over %.2f s", done.length / seconds, seconds));
      System.out.println(String.format("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f", pct(done, 0.50),
          pct(done, 0.90), pct(done, 0.99), done[done.length - 1] / 1e6));
      clientThreads.shutdownNow();
    } finally {
      server.getOutputStream().close(); // the server stops when its standard input closes
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Opens the unmeasured warm-up day and the measured day, both on the 33-bus community. */
  private static void openDays(MarketService market, Path root) throws IOException {
    String scenario = Files.readString(root.resolve("examples/scenarios/community33.yaml"));
    String feeder = Files.readString(root.resolve("examples/feeders/case33bw.m"));
    Instant gate = Instant.now().plus(Duration.ofHours(1));
    market.openDay("warmup", scenario, feeder, "dlmp", gate);
    market.openDay("load", scenario, feeder, "dlmp", gate);
  }

  /** The child of {@link #separate}: serves on 127.0.0.1 until its standard input closes. */
  private static void serve(Path work, int prosumers, int warmups) throws Exception {
    Path root = Path.of(System.getProperty("peergrid.root.dir", "."));
    Path data = Files.createTempDirectory("peergrid-load");
    try (PlatformServer server = PlatformServer.start(PlatformParameters.of(Database.h2Url(data), 0),
        Clock.systemUTC())) {
      var market = server.market();
      openDays(market, root);
      Burst.prepare(market, "warmup", warmups).write(work.resolve("warmup.txt"));
      Burst.prepare(market, "load", prosumers).write(work.resolve("load.txt"));
      Path ready = work.resolve("ready");
      Files.writeString(work.resolve("ready.tmp"), server.port() + "\n");
      Files.move(work.resolve("ready.tmp"), ready);
      while (System.in.read() >= 0) {
        // wait for the load generator to finish
      }
      System.out.println("server: " + market.store().offerCount("load") + " participants with offers stored");
    }
  }

  /** Registered prosumers with one pre-signed offer each, sent through C connections. */
  private record Burst(String[] tokens, String[] bodies, AtomicInteger failures) {
    static Burst prepare(org.peergrid.platform.market.MarketService market, String day, int n) throws Exception {
      JsonNode offer = new ObjectMapper().readTree("{\"load_kw\": [20, 35, 40, 60], \"pv_kw\": [0, 60, 80, 0]}");
      SecureRandom random = new SecureRandom();
      String[] tokens = new String[n];
      String[] bodies = new String[n];
      for (int i = 0; i < n; i++) {
        KeyPair keys = Ed25519Keys.generate();
        String id = "P" + i;
        tokens[i] = market.register(day, id, 2 + i % 32, Ed25519Keys.encode(keys.getPublic()));
        bodies[i] = OfferSigner.sign(keys.getPrivate(), day, id, OfferSigner.nonce(random), Instant.now(), offer)
            .toString();
      }
      return new Burst(tokens, bodies, new AtomicInteger());
    }

    void write(Path file) throws java.io.IOException {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < tokens.length; i++) {
        lines.add(tokens[i] + "\t" + bodies[i]);
      }
      Files.write(file, lines);
    }

    static Burst read(Path file) throws java.io.IOException {
      List<String> lines = Files.readAllLines(file);
      String[] tokens = new String[lines.size()];
      String[] bodies = new String[lines.size()];
      for (int i = 0; i < lines.size(); i++) {
        int tab = lines.get(i).indexOf('\t');
        tokens[i] = lines.get(i).substring(0, tab);
        bodies[i] = lines.get(i).substring(tab + 1);
      }
      return new Burst(tokens, bodies, new AtomicInteger());
    }

    int size() {
      return tokens.length;
    }

    int failed() {
      return failures.get();
    }

    /** Sends every offer; returns the sorted latencies (ns) of those sent within the time limit. */
    long[] run(HttpClient client, URI uri, int concurrency, long limitNanos) throws InterruptedException {
      long[] latency = new long[tokens.length];
      AtomicInteger next = new AtomicInteger();
      ExecutorService senders = Executors.newFixedThreadPool(concurrency);
      long start = System.nanoTime();
      for (int c = 0; c < concurrency; c++) {
        senders.submit(() -> {
          for (int i = next.getAndIncrement(); i < tokens.length && System.nanoTime() - start < limitNanos;
              i = next.getAndIncrement()) {
            long t0 = System.nanoTime();
            try {
              HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer "
                  + tokens[i]).POST(HttpRequest.BodyPublishers.ofString(bodies[i])).build(),
                  HttpResponse.BodyHandlers.ofString());
              if (r.statusCode() != 201) {
                failures.incrementAndGet();
              }
            } catch (Exception e) {
              failures.incrementAndGet();
            }
            latency[i] = System.nanoTime() - t0;
          }
          return null;
        });
      }
      senders.shutdown();
      senders.awaitTermination(limitNanos + TimeUnit.SECONDS.toNanos(30), TimeUnit.NANOSECONDS);
      return Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static double pct(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
