package org.peergrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.peergrid.bench.vc.VcGameScaling;
import org.peergrid.cluster.ClusterGames;
import org.peergrid.cluster.LocalNodes;
import org.peergrid.market.dispatch.RegionDispatch;
import org.peergrid.market.region.LocalDsos;
import org.peergrid.market.region.PriceCoordination;
import org.peergrid.market.region.Region;
import org.peergrid.market.region.RegionLoader;

/**
 * The scale run of issue 18 part 5 (docs/region.md, "Scale"): a region cleared by prices with its
 * DSOs in this JVM (0 nodes) or as entities on N local node JVMs, one line per run with the wall
 * times, the loop's rounds and messages, the bytes on the wire and the memory of the driver and of
 * the nodes. Write the region first with {@link org.peergrid.bench.community.RegionWriter}.
 *
 * <pre>{@code
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" org.peergrid.bench.RegionScaleHarness \
 *     REGION.yaml RUN [RUN...]    # RUN: 0 (DSOs in this JVM), N (on N local nodes) or central (one LP)
 * }</pre>
 */
public final class RegionScaleHarness {
  private RegionScaleHarness() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long t0 = System.nanoTime();
    Region region = RegionLoader.load(file);
    long loadMs = (System.nanoTime() - t0) / 1_000_000;
    int buildings = region.feeders().stream().mapToInt(f -> f.scenario().participants().size()).sum();
    System.out.printf(Locale.ROOT, "region=%s feeders=%d buildings=%d intervals=%d driver_load_ms=%d%n",
        region.name(), region.feeders().size(), buildings, region.feeders().get(0).scenario().horizon().intervals(),
        loadMs);
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("central")) {
        central(region);
      } else {
        run(region, Integer.parseInt(args[i]));
      }
    }
  }

  static void run(Region region, int nodes) {
    VcGameScaling.resetPeaks();
    long t0 = System.nanoTime();
    PriceCoordination p;
    long startMs = 0;
    long messages = 0;
    long bytes = 0;
    String nodeMemory = "";
    if (nodes == 0) {
      p = PriceCoordination.run(region, LocalDsos.placement());
    } else {
      try (LocalNodes local = LocalNodes.start(nodes);
          ClusterGames cluster = ClusterGames.join(local.seed(), nodes, Duration.ofSeconds(180))) {
        startMs = (System.nanoTime() - t0) / 1_000_000;
        p = PriceCoordination.run(region, cluster.dsos());
        messages = cluster.messages();
        bytes = cluster.bytes();
        StringBuilder rss = new StringBuilder();
        for (Process node : local.processes()) {
          rss.append(rss.length() == 0 ? "" : ",").append(residentPeakMb(node.pid()));
        }
        nodeMemory = " node_peak_rss_mb=" + rss;
      }
    }
    long totalMs = (System.nanoTime() - t0) / 1_000_000;
    long loopMs = totalMs - startMs;
    int answers = region.feeders().size() * (1 + p.iterations());
    System.out.printf(Locale.ROOT, "nodes=%d start_join_ms=%d loop_ms=%d rounds=%d converged=%s proposals=%d "
            + "loop_messages=%d cluster_messages=%d cluster_bytes=%d bytes_per_message=%d dso_answers=%d "
            + "ms_per_answer=%.1f region_cost=%.3f lower_bound=%.3f rel_gap=%.2e driver_peak_heap_mb=%d "
            + "driver_peak_rss_mb=%d%s%n",
        nodes, startMs, loopMs, p.iterations(), p.converged(), p.proposals(), p.messages(), messages, bytes,
        messages == 0 ? 0 : bytes / messages, answers, (double) loopMs / answers, p.cost(), p.lowerBound(),
        (p.cost() - p.lowerBound()) / Math.abs(p.cost()), VcGameScaling.peakHeapMb(), residentPeakMb(ProcessHandle.current().pid()),
        nodeMemory);
  }

  /** The region's one LP in this JVM (docs/region.md), the reference that the price loop is certified against. */
  static void central(Region region) {
    VcGameScaling.resetPeaks();
    RegionDispatch.Result r = RegionDispatch.solve(region.scenarios());
    System.out.printf(Locale.ROOT, "central status=%s solve_ms=%d region_cost=%.3f peak_heap_mb=%d peak_rss_mb=%d%n",
        r.status(), r.solveMillis(), r.cost(), VcGameScaling.peakHeapMb(), residentPeakMb(ProcessHandle.current().pid()));
  }

  /** A process's resident-memory high-water mark [MB] (Linux VmHWM), or −1 where unknown. */
  static long residentPeakMb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
