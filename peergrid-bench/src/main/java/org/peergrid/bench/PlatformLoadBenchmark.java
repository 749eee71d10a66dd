package org.peergrid.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load benchmark of signed offer submission on loopback (issue 9, docs/platform.md "Load"): the
 * server runs in a JVM of its own ({@link PlatformLoadServer}), which registers the prosumers and
 * pre-signs one offer each before anything is timed; this JVM only sends them with
 * {@link HttpLoadGenerator} and measures. Warm-up bursts come first, sent like the measured ones
 * (the first shows what a freshly started server does), then the measured bursts; every burst is
 * sent by fresh prosumers on a market day of its own, each prosumer on a connection of its own in
 * the open loop.
 *
 * <p>Run from the repository root: {@code peergrid-bench/load.sh [OPTIONS]} (builds, then runs this
 * class); {@code --help} lists the options.
 */
@Command(name = "load.sh", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures signed-offer submission to a peergrid server on 127.0.0.1: throughput and latency "
        + "percentiles of acknowledged (durably committed) offers.",
        "Closed loop (default): C connections each send the next offer when the last was answered. Open loop "
            + "(--rate R): offers fall due at Poisson arrival times of R per second and latency counts from the "
            + "due time, so queueing in the server is not hidden."},
    showDefaultValues = true)
public final class PlatformLoadBenchmark implements Callable<Integer> {
  @Option(names = "--prosumers", defaultValue = "1000", description = "prosumers per measured burst, one offer each")
  int prosumers;

  @Option(names = "--rate", defaultValue = "0",
      description = "open loop: offers per second (Poisson arrivals); 0 runs the closed loop")
  double rate;

  @Option(names = "--connections", description = "keep-alive connections; default 32 in the closed loop, "
      + "one per prosumer in the open loop; 0 in the open loop: each prosumer connects when its offer is due and "
      + "disconnects after the answer (connecting is then timed too)")
  Integer connections;

  @Option(names = "--warmup", defaultValue = "20000", description = "offers sent before the measured bursts, "
      + "in bursts like them (the first and last reported); 0 measures a freshly started server")
  int warmup;

  @Option(names = "--verbose", description = "report every warm-up burst")
  boolean verbose;

  @Option(names = "--repeat", defaultValue = "3", description = "measured bursts, each on a day of its own")
  int repeat;

  @Option(names = "--time-limit", defaultValue = "120", description = "seconds after which a burst stops sending")
  long timeLimitSeconds;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the open loop's arrival times")
  long seed;

  @Option(names = "--db", description = "the server's JDBC URL (e.g. a PostgreSQL one with ?user=&password=); "
      + "default: embedded H2 in a fresh temporary folder")
  String jdbcUrl;

  @Option(names = "--server-jvm", defaultValue = "", description = "JVM options of the server process, e.g. "
      + "\"-XX:StartFlightRecording=filename=server.jfr\"")
  String serverJvm;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PlatformLoadBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (prosumers < 1 || repeat < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--prosumers and --repeat must be at least 1, --warmup at least 0");
    }
    Path work = Files.createTempDirectory("peergrid-load-client");
    // warm-up bursts are like the measured ones (same size, same loop), so that the server's JIT has
    // compiled the very paths that are then measured
    List<Integer> bursts = new ArrayList<>();
    for (int left = warmup; left > 0; left -= prosumers) {
      bursts.add(Math.min(left, prosumers));
    }
    int warmupBursts = bursts.size();
    for (int r = 0; r < repeat; r++) {
      bursts.add(prosumers);
    }
    String runId = "load" + System.currentTimeMillis(); // days are named after it: runId-bK
    Process server = startServer(work, runId, bursts);
    try {
      int port = awaitReady(work, server);
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
      int openConnections = connections != null ? connections : Math.min(prosumers, 1000);
      int closedConnections = connections != null ? connections : 32;
      System.out.printf(Locale.ROOT, "server pid %d; %s; %d prosumers per burst; %s; warm-up %d bursts%n",
          server.pid(), jdbcUrl == null ? "embedded H2" : "database " + jdbcUrl.replaceAll("password=[^&]*",
              "password=***"), prosumers, rate > 0 ? String.format(Locale.ROOT,
              "open loop at %.0f offers/s on %s", rate, openConnections == 0 ? "a new connection per offer"
              : openConnections + " connections")
              : "closed loop on " + closedConnections + " connections", warmupBursts);
      long limit = TimeUnit.SECONDS.toNanos(timeLimitSeconds);
      List<HttpLoadGenerator.Result> measured = new ArrayList<>();
      for (int b = 0; b < bursts.size(); b++) {
        long[] cpu = new long[4];
        HttpLoadGenerator generator = generator(work, address, PlatformLoadServer.day(runId, b)).listener(new HttpLoadGenerator.Listener() {
          @Override
          public void started() {
            cpu[0] = cpuNanos(server.toHandle());
            cpu[1] = cpuNanos(ProcessHandle.current());
          }

          @Override
          public void finished() {
            cpu[2] = cpuNanos(server.toHandle());
            cpu[3] = cpuNanos(ProcessHandle.current());
          }
        });
        HttpLoadGenerator.Result result = rate > 0 ? generator.openLoop(rate, openConnections, seed + b, limit)
            : generator.closedLoop(closedConnections, limit);
        int answered = Math.max(1, result.succeeded() + result.failed());
        String name = b < warmupBursts ? "warm-up " + (b + 1) + (b == 0 ? " (cold server)" : "")
            : "burst " + (b - warmupBursts + 1);
        if (b >= warmupBursts || b == 0 || b == warmupBursts - 1 || verbose) {
          print(name, bursts.get(b), result, (cpu[2] - cpu[0]) / 1e6 / answered, (cpu[3] - cpu[1]) / 1e6 / answered);
        }
        if (b >= warmupBursts) {
          measured.add(result);
        }
      }
      double[] throughput = measured.stream().mapToDouble(HttpLoadGenerator.Result::throughput).sorted().toArray();
      double[] p99 = measured.stream().mapToDouble(r -> r.percentileMillis(99)).sorted().toArray();
      System.out.printf(Locale.ROOT, "measured bursts: throughput %.0f–%.0f offers/s, p99 %.1f–%.1f ms%n",
          throughput[0], throughput[throughput.length - 1], p99[0], p99[p99.length - 1]);
      boolean allAnswered = measured.stream().allMatch(r -> r.failed() == 0 && r.unsent() == 0);
      return allAnswered ? 0 : 1;
    } finally {
      server.getOutputStream().close(); // the server stops when its standard input closes
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private Process startServer(Path work, String runId, List<Integer> bursts) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!serverJvm.isBlank()) {
      command.addAll(Arrays.asList(serverJvm.trim().split("\\s+")));
    }
    command.addAll(List.of("-Dpeergrid.root.dir=" + System.getProperty("peergrid.root.dir", "."), "-cp",
        System.getProperty("java.class.path"), PlatformLoadServer.class.getName(), work.toString(),
        jdbcUrl == null ? "-" : jdbcUrl, runId));
    bursts.forEach(n -> command.add(String.valueOf(n)));
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static int awaitReady(Path work, Process server) throws IOException, InterruptedException {
    Path ready = work.resolve("ready");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(ready)) {
      if (!server.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the server process did not get ready (see its output above)");
      }
      Thread.sleep(100);
    }
    return Integer.parseInt(Files.readAllLines(ready).get(0).trim());
  }

  /** The requests of burst k (on {@code day}), as {@link PlatformLoadServer} wrote them. */
  private static HttpLoadGenerator generator(Path work, InetSocketAddress address, String day) throws IOException {
    List<String> lines = Files.readAllLines(work.resolve(PlatformLoadServer.burstFile(day)));
    byte[][] requests = new byte[lines.size()][];
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int tab = line.indexOf('\t');
      requests[i] = HttpLoadGenerator.post(address, "/api/days/" + day + "/offers", line.substring(0, tab),
          line.substring(tab + 1));
    }
    return new HttpLoadGenerator(address, requests, 201);
  }

  private static void print(String what, int offers, HttpLoadGenerator.Result r, double serverCpuMs,
      double clientCpuMs) {
    System.out.printf(Locale.ROOT, "%s: %d/%d acknowledged, %d failed, %d unsent; %.0f offers/s over %.2f s; "
            + "latency ms p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%s%n", what, r.succeeded(), offers, r.failed(),
        r.unsent(), r.throughput(), r.seconds(), r.percentileMillis(50), r.percentileMillis(90),
        r.percentileMillis(99), r.latencyMicros().getMaxValue() / 1000.0, Double.isNaN(serverCpuMs) ? ""
            : String.format(Locale.ROOT, "; CPU per offer: server %.2f ms, load generator %.2f ms", serverCpuMs,
                clientCpuMs));
    if (!r.firstFailure().isEmpty()) {
      System.out.println("  first failure: " + r.firstFailure().lines().findFirst().orElse("")
          + r.firstFailure().lines().reduce((a, b) -> b).map(last -> " … " + last).orElse(""));
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
