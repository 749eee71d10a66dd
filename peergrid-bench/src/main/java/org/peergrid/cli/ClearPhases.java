package org.peergrid.cli;

import com.google.ortools.Loader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.peergrid.market.accheck.AcCheckResult;
import org.peergrid.market.accheck.AcCorrection;
import org.peergrid.market.basecase.BaseCase;
import org.peergrid.market.dispatch.DispatchResult;
import org.peergrid.market.dispatch.LinDistFlowDispatch;
import org.peergrid.market.mechanism.ClearingResult;
import org.peergrid.market.mechanism.CooperativeOutcome;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import picocli.CommandLine;

/**
 * The steps of {@code peergrid clear --scenario S --out D} (default mechanism, AC correction on)
 * done one after the other in a fresh JVM with a clock around each, for the breakdown of
 * {@code OneShotHarness}. It repeats what {@link ClearCommand} and {@code CooperativeDay} do, in
 * their order, so its total can be compared with the real process's wall time; it is not a second
 * implementation (every step calls the library). Work that the process does on a second thread (the
 * base cases beside the LP, schedule.csv beside the other files) is done so here too: its step shows
 * how long the main thread waited for it.
 *
 * <p>Arguments: the launch time (epoch ms, taken by the parent just before it started this JVM),
 * the scenario file and the output folder. Prints {@code phase=ms} per step (wall time) and
 * {@code cpu:phase=ms} (this thread's CPU time, less sensitive to other jobs on the machine; the
 * JIT compiler's and the garbage collector's threads are not in it).
 */
public final class ClearPhases {
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
  private static final Map<String, Double> WALL = new LinkedHashMap<>();
  private static final Map<String, Double> CPU = new LinkedHashMap<>();
  private static long wallMark;
  private static long cpuMark;

  private ClearPhases() {}

  public static void main(String[] args) throws Exception {
    long launched = Long.parseLong(args[0]);
    Path scenarioFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    WALL.put("jvm_start_to_main", (double) (System.currentTimeMillis() - launched));
    CPU.put("jvm_start_to_main", THREAD.getCurrentThreadCpuTime() / 1e6);
    mark();

    String[] clear = {"clear", "--scenario", scenarioFile.toString(), "--out", out.toString()};
    CommandLine cl = PeergridCommand.commandLine(clear);
    cl.parseArgs(clear);
    lap("command_line");

    Loader.loadNativeLibraries();
    lap("ortools_native_load");

    Scenario scenario = ScenarioLoader.load(scenarioFile);
    lap("read_scenario");

    // As CooperativeDay does: the base cases on a second thread while this one solves the LP; the
    // base_cases step below is then how long this thread waits for them.
    Supplier<BaseCase> baseCases = BaseCase.startedBeside(scenario);
    long[] lp = {0, 0};
    AcCorrection.Outcome<DispatchResult> corrected = AcCorrection.run(scenario, tightening -> {
      long wall = System.nanoTime();
      long cpu = THREAD.getCurrentThreadCpuTime();
      DispatchResult r = LinDistFlowDispatch.solve(scenario, tightening);
      lp[0] += System.nanoTime() - wall;
      lp[1] += THREAD.getCurrentThreadCpuTime() - cpu;
      return r;
    }, DispatchResult::solution);
    lap("ac_check");
    // the loop's time less its LP solves is the AC check (and the limits' tightening between solves)
    WALL.put("lp", lp[0] / 1e6);
    CPU.put("lp", lp[1] / 1e6);
    WALL.put("ac_check", WALL.get("ac_check") - lp[0] / 1e6);
    CPU.put("ac_check", CPU.get("ac_check") - lp[1] / 1e6);
    WALL.put("lp_solves", (double) corrected.solves());

    BaseCase base = baseCases.get();
    lap("base_cases");

    MarketMechanism dlmp = Mechanisms.byName(DlmpMechanism.NAME).orElseThrow();
    DispatchResult dispatch = corrected.result();
    AcCheckResult check = corrected.check().orElseThrow();
    CooperativeOutcome outcome = CooperativeOutcome.of(scenario, dispatch.optimal(), base);
    ClearingResult result = new ClearingResult(dlmp.name(), dispatch, Optional.of(dlmp.settle(outcome)),
        Optional.of(check));
    lap("settle");

    Map<String, String> files = ClearCommand.files(scenario, result);
    lap("format_files");

    List<String> stale = new ArrayList<>(ClearCommand.ALL_FILES);
    stale.removeAll(files.keySet());
    AtomicFiles.write(out, files, stale);
    lap("write_files");

    ClearConsole.print(new PrintWriter(new StringWriter()), scenario, result, out, List.copyOf(files.keySet()));
    lap("console_summary");

    WALL.put("total_since_launch", (double) (System.currentTimeMillis() - launched));
    CPU.put("total_since_launch", THREAD.getCurrentThreadCpuTime() / 1e6);
    WALL.forEach((phase, v) -> System.out.println(phase + "=" + v));
    CPU.forEach((phase, v) -> System.out.println("cpu:" + phase + "=" + v));
  }

  private static void mark() {
    wallMark = System.nanoTime();
    cpuMark = THREAD.getCurrentThreadCpuTime();
  }

  private static void lap(String phase) {
    WALL.put(phase, (System.nanoTime() - wallMark) / 1e6);
    CPU.put(phase, (THREAD.getCurrentThreadCpuTime() - cpuMark) / 1e6);
    mark();
  }
}
