package org.peergrid.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.peergrid.market.dispatch.WarmSolvers;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.nuc.NucLoop;
import org.peergrid.market.nuc.NucResult;
import org.peergrid.market.nuc.NucSettings;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.Method;
import org.peergrid.market.probabilistic.ProbabilisticClearing;
import org.peergrid.market.probabilistic.ScenarioInputs;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;

/**
 * Warm re-solves against cold ones, in one run, on the bundled example
 * (examples/ieee33-community): Monte Carlo and PEM 2m+1 through {@link ProbabilisticClearing}
 * ({@code warm} true and false), one AC-corrected clearing of a seeded day ({@link CooperativeDay}
 * cold, and warm on a thread that has cleared other days of the example before, as an uncertainty
 * worker does), and the NUC loop ({@link NucLoop#run} against {@link NucLoop#runWarm}).
 *
 * <p>Times are wall time and the process's CPU time (every thread, GLOP's native code included),
 * so that "CPU ms per sample" on two threads is comparable with one. A harness rather than JMH for
 * the same reasons as {@link MarketClearingHarness}: operations of milliseconds to minutes, mostly native.
 *
 * <pre>{@code
 * ./mvnw -q -B -o -pl peergrid-bench -am package -DskipTests
 * java -cp "peergrid-bench/target/classes:peergrid-bench/target/lib/*" \
 *     org.peergrid.bench.IncrementalHarness [coldSamples warmSamples threads [mc|pem|ac|nuc ...]]
 * }</pre>
 *
 * Defaults: 300 cold and 10 000 warm Monte Carlo samples on 2 threads, every section. Figures:
 * docs/benchmarks.md, "Incremental re-solves".
 */
public final class IncrementalHarness {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private IncrementalHarness() {}

  /** Wall and process CPU time of one run [ms], with what it returned. */
  private record Timed<T>(T value, double wallMs, double cpuMs) {}

  private static <T> Timed<T> time(Supplier<T> work) {
    long cpu = OS.getProcessCpuTime();
    long wall = System.nanoTime();
    T value = work.get();
    return new Timed<>(value, (System.nanoTime() - wall) / 1e6, (OS.getProcessCpuTime() - cpu) / 1e6);
  }

  public static void main(String[] args) {
    int coldSamples = args.length >= 3 ? Integer.parseInt(args[0]) : 300;
    int warmSamples = args.length >= 3 ? Integer.parseInt(args[1]) : 10_000;
    int threads = args.length >= 3 ? Integer.parseInt(args[2]) : 2;
    List<String> sections = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("mc", "pem", "ac", "nuc");
    Path dir = Path.of(System.getProperty("peergrid.root.dir", "."), "examples", "ieee33-community");
    Scenario example = ScenarioLoader.load(dir.resolve("scenario.yaml"));
    System.out.printf(Locale.ROOT, "example %s: %d participants, %d random inputs; %d threads, %d cores%n",
        example.name(), example.participants().size(), ScenarioInputs.of(example).size(), threads,
        Runtime.getRuntime().availableProcessors());
    ParallelEvaluator evaluator = new ParallelEvaluator(threads);
    ProbabilisticClearing cold = new ProbabilisticClearing(new DlmpMechanism(), evaluator, false);
    ProbabilisticClearing warm = new ProbabilisticClearing(new DlmpMechanism(), evaluator, true);
    // JIT and OR-Tools loading before anything is measured
    cold.monteCarlo(example, 4 * threads, 99, ProgressListener.NONE);
    warm.monteCarlo(example, 4 * threads, 99, ProgressListener.NONE);
    System.out.println("| path | cold | warm | cold / warm |");
    System.out.println("|---|---:|---:|---:|");
    if (sections.contains("mc")) {
      monteCarlo(example, cold, warm, coldSamples, warmSamples);
    }
    if (sections.contains("pem")) {
      pointEstimate(example, cold, warm);
    }
    if (sections.contains("ac")) {
      acCorrection(example);
    }
    if (sections.contains("nuc")) {
      for (String file : List.of("scenario.yaml", "scenario-ev.yaml")) {
        nuc(file, ScenarioLoader.load(dir.resolve(file)));
      }
    }
  }

  private static void monteCarlo(Scenario example, ProbabilisticClearing cold, ProbabilisticClearing warm,
      int coldSamples, int warmSamples) {
    Timed<DayUncertainty> c = time(() -> cold.monteCarlo(example, coldSamples, 1, ProgressListener.NONE));
    Timed<DayUncertainty> w = time(() -> warm.monteCarlo(example, warmSamples, 1, ProgressListener.NONE));
    row("Monte Carlo, CPU ms per sample (" + coldSamples + " cold, " + warmSamples + " warm samples)",
        c.cpuMs() / coldSamples, w.cpuMs() / warmSamples, 2);
    row("Monte Carlo, wall ms per sample", c.wallMs() / coldSamples, w.wallMs() / warmSamples, 2);
    System.out.printf(Locale.ROOT, "| Monte Carlo, whole run wall s | %.1f | %.1f | |%n", c.wallMs() / 1e3,
        w.wallMs() / 1e3);
    System.out.printf(Locale.ROOT, "| Monte Carlo, total cost mean ± std | %.2f ± %.2f | %.2f ± %.2f | |%n",
        c.value().totalCostMean(), c.value().totalCostStd(), w.value().totalCostMean(), w.value().totalCostStd());
    System.out.printf(Locale.ROOT, "| Monte Carlo, failed samples | %d | %d | |%n",
        c.value().result().failedEvaluations(), w.value().result().failedEvaluations());
  }

  private static void pointEstimate(Scenario example, ProbabilisticClearing cold, ProbabilisticClearing warm) {
    Timed<DayUncertainty> c = time(() -> cold.pointEstimate(example, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE));
    Timed<DayUncertainty> w = time(() -> warm.pointEstimate(example, Method.PEM_2M_PLUS_ONE, ProgressListener.NONE));
    int n = c.value().result().evaluations();
    row("PEM 2m+1 (" + n + " clearings), wall s", c.wallMs() / 1e3, w.wallMs() / 1e3, 1);
    row("PEM 2m+1, CPU s", c.cpuMs() / 1e3, w.cpuMs() / 1e3, 1);
    System.out.printf(Locale.ROOT, "| PEM 2m+1, total cost mean ± std | %.4f ± %.4f | %.4f ± %.4f | |%n",
        c.value().totalCostMean(), c.value().totalCostStd(), w.value().totalCostMean(), w.value().totalCostStd());
  }

  /**
   * One AC-corrected clearing per seeded day (LP, AC check, tightening, LP again ..., base cases),
   * on one thread: cold builds every LP; warm re-solves the thread's LPs, which have cleared the
   * previous days.
   */
  private static void acCorrection(Scenario example) {
    ScenarioInputs inputs = ScenarioInputs.of(example);
    SplittableRandom rng = new SplittableRandom(3);
    List<Scenario> days = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      days.add(inputs.apply(example, inputs.inputs().stream().mapToDouble(x -> x.sample(rng)).toArray()));
    }
    Timed<Double> c = time(() -> days.stream().mapToDouble(d -> cost(CooperativeDay.solve(d))).sum());
    Timed<Double> w;
    try (WarmSolvers solvers = new WarmSolvers()) {
      w = time(() -> days.stream().mapToDouble(d -> cost(CooperativeDay.solve(d, solvers))).sum());
    }
    row("AC-corrected clearing with base cases, 1 thread, CPU ms per day (40 seeded days)", c.cpuMs() / days.size(),
        w.cpuMs() / days.size(), 2);
    System.out.printf(Locale.ROOT, "| AC-corrected clearing, Σ LP objective over the days | %.4f | %.4f | |%n",
        c.value(), w.value());
  }

  private static double cost(CooperativeDay day) {
    return day.dispatch().optimal().objective();
  }

  /** The loop {@value #NUC_REPEATS} times each way: the process CPU clock ticks in 10 ms steps on Linux. */
  private static void nuc(String file, Scenario day) {
    NucLoop.run(day, NucSettings.DEFAULT); // warm-up
    NucLoop.runWarm(day, NucSettings.DEFAULT);
    Timed<NucResult<?>> c = time(() -> repeat(() -> NucLoop.run(day, NucSettings.DEFAULT)));
    Timed<NucResult<?>> w = time(() -> repeat(() -> NucLoop.runWarm(day, NucSettings.DEFAULT)));
    int ci = c.value().iterations().size();
    int wi = w.value().iterations().size();
    row("NUC loop on " + file + ", CPU ms per loop (" + ci + " cold, " + wi + " warm iterations; converged "
        + c.value().converged() + "/" + w.value().converged() + ")", c.cpuMs() / NUC_REPEATS, w.cpuMs() / NUC_REPEATS, 1);
    row("NUC loop on " + file + ", CPU ms per iteration", c.cpuMs() / NUC_REPEATS / ci, w.cpuMs() / NUC_REPEATS / wi, 1);
  }

  private static final int NUC_REPEATS = 10;

  private static NucResult<?> repeat(Supplier<NucResult<?>> loop) {
    NucResult<?> last = null;
    for (int i = 0; i < NUC_REPEATS; i++) {
      last = loop.get();
    }
    return last;
  }

  private static void row(String what, double cold, double warm, int decimals) {
    String f = "%." + decimals + "f";
    System.out.printf(Locale.ROOT, "| %s | " + f + " | " + f + " | %.1f |%n", what, cold, warm, cold / warm);
  }
}
