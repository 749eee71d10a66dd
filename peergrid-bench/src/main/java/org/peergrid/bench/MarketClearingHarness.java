package org.peergrid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.peergrid.bench.community.SyntheticCommunity;
import org.peergrid.market.accheck.AcCheck;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.dispatch.ClearingPhases;
import org.peergrid.market.dispatch.DispatchSolution;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.scenario.Scenario;

/**
 * The market-clearing benchmark: on case33bw with {@link SyntheticCommunity} buildings, times one
 * clearing = LP build + GLOP solve + reading the solution + an AC check (one {@link SweepPowerFlow}
 * per interval with the scheduled net bus loads), and reports the median of several runs after
 * warm-up, the phases, and peak memory.
 *
 * <p>A harness rather than JMH: one operation takes from a tenth of a second to many seconds and
 * most of it is native (GLOP), so JMH's nanosecond machinery buys nothing, while the profile needs
 * per-phase times and per-configuration peak memory, which JMH does not report. Warm-up runs come
 * first so that the JIT has compiled the Java side before anything is measured.
 *
 * <p>Memory, two figures per configuration: the Java heap peak (the sum over heap pools of
 * {@link MemoryPoolMXBean#getPeakUsage()}, reset before the configuration; an upper bound, since
 * pools peak at different moments) and the process's resident-set high-water mark (VmHWM of
 * /proc/self/status, reset through /proc/self/clear_refs where Linux allows), which also counts
 * GLOP's native memory, the JIT and the committed heap.
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl peergrid-bench -am package -DskipTests
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" \
 *     org.peergrid.bench.MarketClearingHarness [warmups runs] [BUILDINGSxINTERVALS ...]
 * }</pre>
 *
 * Defaults: 3 warm-ups, 7 measured runs, 30x24 300x24 3000x24 300x96. Figures: docs/benchmarks.md.
 */
public final class MarketClearingHarness {
  static final long SEED = 7;
  /** The AC check's lowest voltage in the last clearing [p.u.], reported beside the times. */
  private static double lastAcVminPu;

  private MarketClearingHarness() {}

  public static void main(String[] args) throws IOException {
    int warmups = args.length >= 2 ? Integer.parseInt(args[0]) : 3;
    int runs = args.length >= 2 ? Integer.parseInt(args[1]) : 7;
    List<String> configs = args.length > 2 ? Arrays.asList(args).subList(2, args.length)
        : List.of("30x24", "300x24", "3000x24", "300x96");
    Path case33bw = Path.of(System.getProperty("peergrid.root.dir", "."), "examples", "feeders", "case33bw.m");
    System.out.printf(Locale.ROOT, "warm-ups %d, measured runs %d, seed %d, feeder %s%n", warmups, runs, SEED,
        case33bw);
    System.out.println("| buildings | intervals | LP rows × columns | build ms | GLOP ms | read ms | AC ms | total ms"
        + " (median) | total min–max ms | peak heap MB | peak RSS MB | AC Vmin p.u. |");
    System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|");
    for (String config : configs) {
      String[] parts = config.split("x");
      run(case33bw, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), warmups, runs);
    }
  }

  private static void run(Path case33bw, int buildings, int intervals, int warmups, int runs) throws IOException {
    Scenario scenario = SyntheticCommunity.scenario(case33bw, buildings, intervals, SEED);
    long[] size = ClearingPhases.size(scenario);
    checkAgainstTheApi(scenario);
    System.gc();
    resetPeaks();
    for (int i = 0; i < warmups; i++) {
      clearAndCheck(scenario);
    }
    long[][] phases = new long[runs][];
    for (int i = 0; i < runs; i++) {
      phases[i] = clearAndCheck(scenario);
    }
    double heapMb = peakHeapBytes() / 1e6;
    double rssMb = peakRssKb() / 1e3;
    long[] totals = Arrays.stream(phases).mapToLong(p -> p[0] + p[1] + p[2] + p[3]).sorted().toArray();
    System.out.printf(Locale.ROOT, "| %d | %d | %d × %d | %.0f | %.0f | %.0f | %.0f | **%.0f** | %.0f–%.0f | %.0f | %.0f | %.4f |%n",
        buildings, intervals, size[0], size[1], median(phases, 0), median(phases, 1), median(phases, 2),
        median(phases, 3), totals[runs / 2] / 1e6, totals[0] / 1e6, totals[runs - 1] / 1e6, heapMb, rssMb,
        lastAcVminPu);
  }

  /** The phased pipeline must reach the same optimum as the public entry point. */
  private static void checkAgainstTheApi(Scenario scenario) {
    double api = LinDistFlowDispatch.solve(scenario).optimal().objective();
    double phased = ClearingPhases.clear(scenario).solution().objective();
    if (Math.abs(api - phased) > 1e-6 * (1 + Math.abs(api))) {
      throw new IllegalStateException("phased objective " + phased + " differs from the API's " + api);
    }
  }

  /** One clearing; returns build, solve, read and AC-check wall times [ns]. */
  private static long[] clearAndCheck(Scenario scenario) {
    ClearingPhases.Timed timed = ClearingPhases.clear(scenario);
    long start = System.nanoTime();
    double vmin = acCheck(scenario, timed.solution());
    long ac = System.nanoTime() - start;
    lastAcVminPu = vmin;
    return new long[] {timed.buildNanos(), timed.solveNanos(), timed.readNanos(), ac};
  }

  /** The library's AC check of every interval (the same as `peergrid clear` runs); returns its Vmin. */
  public static double acCheck(Scenario scenario, DispatchSolution solution) {
    AcCheckResult result = AcCheck.run(scenario, solution);
    if (!result.nonConvergedIntervals().isEmpty()) {
      throw new IllegalStateException("AC check: no convergence in intervals " + result.nonConvergedIntervals());
    }
    return result.vmin().orElseThrow().pu();
  }

  private static double median(long[][] phases, int phase) {
    long[] v = Arrays.stream(phases).mapToLong(p -> p[phase]).sorted().toArray();
    return v[v.length / 2] / 1e6;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not Linux, or not allowed: VmHWM then covers the whole process lifetime so far (reported as such).
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static long peakRssKb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(status));
    for (String line : lines) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
