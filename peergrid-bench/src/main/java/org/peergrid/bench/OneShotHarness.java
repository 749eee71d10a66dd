package org.peergrid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.peergrid.bench.community.ExampleScenarioWriter;

/**
 * The whole process of a one-shot clearing, measured as a user sees it: the wall time (and, with
 * GNU time, the CPU time of the process and its children) of
 * {@code LAUNCHER clear --scenario S --out D}, from starting the process to its exit, on a
 * community of {@code N} buildings × 24 h on case33bw (the bundled example's setting,
 * {@link ExampleScenarioWriter#writeCommunity}); with {@code command=realtime} the real-time day
 * instead ({@code LAUNCHER realtime --scenario S --out D --sample-seed 42}, the day ahead cleared
 * in the same process), e.g. {@code buildings=300 intervals=96}. Several launchers (e.g. the {@code peergrid}
 * scripts of two checkouts) run alternately, round after round, so that a before/after ratio is
 * taken under the same load; the first round is a warm-up (a launcher may build itself, the file
 * cache fills) and is not counted. The report files of every launcher are compared byte for byte
 * with the first launcher's, without the timings in them ({@link #withoutTimes}).
 *
 * <p>Then, unless {@code phases=0}, the breakdown: {@code org.peergrid.cli.ClearPhases} does the
 * same steps in fresh JVMs with a clock around each; medians per step. Class path: this module's,
 * or {@code -Doneshot.phasesClasspath} (e.g. this module's classes before another checkout's
 * peergrid-cli.jar and lib/, for its breakdown); JVM options: {@code -Doneshot.phasesOpts}.
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl peergrid-bench -am package -DskipTests
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" \
 *     org.peergrid.bench.OneShotHarness [runs=7] [buildings=1000] [intervals=24] [phases=5]
 *     [command=clear|realtime] [LAUNCHER ...]
 * }</pre>
 *
 * Default launcher: {@code ./peergrid}. Figures: docs/benchmarks.md, "Whole-process one-shot clearing".
 */
public final class OneShotHarness {
  private OneShotHarness() {}

  public static void main(String[] args) throws Exception {
    int runs = 7;
    int buildings = 1000;
    int phases = 5;
    int intervals = 24;
    String command = "clear";
    List<String> launchers = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("runs=")) {
        runs = Integer.parseInt(a.substring(5));
      } else if (a.startsWith("buildings=")) {
        buildings = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("phases=")) {
        phases = Integer.parseInt(a.substring(7));
      } else if (a.startsWith("intervals=")) {
        intervals = Integer.parseInt(a.substring(10));
      } else if (a.startsWith("command=")) {
        command = a.substring(8);
      } else {
        launchers.add(a);
      }
    }
    if (launchers.isEmpty()) {
      launchers.add("./peergrid");
    }
    Path work = Files.createTempDirectory("oneshot");
    Path scenario = ExampleScenarioWriter.writeCommunity(work, Path.of("examples/feeders/case33bw.m"), buildings,
        intervals);
    System.out.printf(Locale.ROOT, "scenario: %s (%d buildings x %d intervals, case33bw), command: %s%n", scenario,
        buildings, intervals, command);

    if (runs > 0) {
      compare(launchers, runs, command, scenario, work);
    }
    if (phases > 0 && command.equals("clear")) {
      phases(scenario, work.resolve("out-phases"), phases);
    }
  }

  /** The launchers' processes, alternately, {@code runs} rounds after a warm-up round. */
  private static void compare(List<String> launchers, int runs, String command, Path scenario, Path work)
      throws IOException, InterruptedException {
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    for (String l : launchers) {
      wall.put(l, new ArrayList<>());
      cpu.put(l, new ArrayList<>());
    }
    for (int round = 0; round <= runs; round++) {
      for (int i = 0; i < launchers.size(); i++) {
        Path out = work.resolve("out-" + i);
        List<String> cmd = new ArrayList<>(List.of(launchers.get(i), command, "--scenario", scenario.toString(),
            "--out", out.toString()));
        if (command.equals("realtime")) {
          cmd.addAll(List.of("--sample-seed", "42"));
        }
        Run run = runOnce(cmd, work.resolve("log-" + i));
        if (round > 0) {
          wall.get(launchers.get(i)).add(run.wallMs());
          cpu.get(launchers.get(i)).add(run.cpuMs());
        }
      }
    }
    System.out.println();
    System.out.println("| launcher | runs | median wall ms | min-max wall ms | wall / first's | median CPU ms"
        + " (user+sys) | CPU / first's |");
    System.out.println("|---|---:|---:|---|---:|---:|---:|");
    double first = median(wall.get(launchers.get(0)));
    double firstCpu = median(cpu.get(launchers.get(0)));
    for (String l : launchers) {
      List<Double> w = wall.get(l);
      System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f-%.0f | %.3f | %.0f | %.3f |%n", l, w.size(), median(w),
          w.stream().mapToDouble(d -> d).min().orElseThrow(), w.stream().mapToDouble(d -> d).max().orElseThrow(),
          median(w) / first, median(cpu.get(l)), median(cpu.get(l)) / firstCpu);
    }
    for (int i = 1; i < launchers.size(); i++) {
      System.out.println(sameFiles(work.resolve("out-0"), work.resolve("out-" + i))
          ? "report files of " + launchers.get(i) + ": byte-identical to " + launchers.get(0)
          : "report files of " + launchers.get(i) + ": DIFFER from " + launchers.get(0));
    }
  }

  /** GNU time, for the CPU time of a child process and its children (user + system); absent: no CPU column. */
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** Wall time and CPU time (NaN without GNU time) of one process [ms]. */
  private record Run(double wallMs, double cpuMs) {}

  /** One process, from start to exit; its output goes to {@code log}. */
  private static Run runOnce(List<String> command, Path log) throws IOException, InterruptedException {
    Path cpuFile = log.resolveSibling(log.getFileName() + ".cpu");
    List<String> timed = new ArrayList<>();
    if (Files.isExecutable(GNU_TIME)) {
      timed.addAll(List.of(GNU_TIME.toString(), "-q", "-f", "%U %S", "-o", cpuFile.toString()));
    }
    timed.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(log.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    int exit = p.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException(command + " exited with " + exit + "; see " + log);
    }
    double cpu = Double.NaN;
    if (Files.isExecutable(GNU_TIME)) {
      String[] us = Files.readString(cpuFile).trim().split("\\s+");
      cpu = (Double.parseDouble(us[us.length - 2]) + Double.parseDouble(us[us.length - 1])) * 1000;
    }
    return new Run(ms, cpu);
  }

  private static void phases(Path scenario, Path out, int runs) throws IOException, InterruptedException {
    String javaCmd = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> opts = new ArrayList<>();
    String extra = System.getProperty("oneshot.phasesOpts", "").trim();
    if (!extra.isEmpty()) {
      opts.addAll(Arrays.asList(extra.split("\\s+")));
    }
    Map<String, List<Double>> byPhase = new TreeMap<>();
    List<String> order = new ArrayList<>();
    for (int r = 0; r <= runs; r++) {
      List<String> cmd = new ArrayList<>(List.of(javaCmd));
      cmd.addAll(opts);
      String classPath = System.getProperty("oneshot.phasesClasspath", System.getProperty("java.class.path"));
      cmd.addAll(List.of("-cp", classPath, "org.peergrid.cli.ClearPhases",
          Long.toString(System.currentTimeMillis()), scenario.toString(), out.toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("ClearPhases failed:\n" + text);
      }
      if (r == 0) {
        continue; // warm-up
      }
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          String phase = line.substring(0, eq);
          if (!byPhase.containsKey(phase)) {
            order.add(phase);
          }
          byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(Double.parseDouble(line.substring(eq + 1)));
        }
      }
    }
    System.out.println();
    System.out.println("Breakdown (ClearPhases, " + runs + " fresh JVMs, JVM options: "
        + (opts.isEmpty() ? "none" : String.join(" ", opts)) + ", class path "
        + System.getProperty("oneshot.phasesClasspath", "this module's") + "), medians; CPU = the main thread's:");
    System.out.println("| step | wall ms | min-max wall ms | CPU ms |");
    System.out.println("|---|---:|---|---:|");
    for (String phase : order) {
      if (phase.startsWith("cpu:")) {
        continue;
      }
      List<Double> v = byPhase.get(phase);
      List<Double> c = byPhase.get("cpu:" + phase);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f-%.1f | %s |%n", phase, median(v),
          v.stream().mapToDouble(d -> d).min().orElseThrow(), v.stream().mapToDouble(d -> d).max().orElseThrow(),
          c == null ? "" : String.format(Locale.ROOT, "%.1f", median(c)));
    }
  }

  private static boolean sameFiles(Path a, Path b) throws IOException {
    try (var files = Files.list(a)) {
      for (Path f : files.toList()) {
        Path other = b.resolve(f.getFileName());
        if (!Files.exists(other) || !withoutTimes(f).equals(withoutTimes(other))) {
          System.out.println("  differs: " + f.getFileName());
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A file's lines without the timings that differ from run to run: summary.json's keys with
   * {@code _ms} in their name and "LP N ms" in its texts, and CSV columns whose name ends in {@code _ms}
   * (realtime_intervals.csv's solve_ms; those files quote no commas).
   */
  private static List<String> withoutTimes(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file).stream()
        .filter(line -> !line.matches("\\s*\"[a-z_]*_ms[a-z_]*\" : .*"))
        .map(line -> line.replaceAll("LP \\d+ ms", "LP ms")).toList();
    if (!file.getFileName().toString().endsWith(".csv") || lines.isEmpty()) {
      return lines;
    }
    String[] header = lines.get(0).split(",", -1);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      StringBuilder row = new StringBuilder();
      for (int c = 0; c < cells.length; c++) {
        if (c >= header.length || !header[c].endsWith("_ms")) {
          row.append(cells[c]).append(',');
        }
      }
      kept.add(row.toString());
    }
    return kept;
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(d -> d).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
