package org.peergrid.cli;

import com.google.ortools.Loader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * implementation (every step calls the library).
 *
 * <p>Arguments: the launch time (epoch ms, taken by the parent just before it started this JVM),
 * the scenario file and the output folder. Prints one line {@code phase=ms} per step.
 */
public final class ClearPhases {
  private ClearPhases() {}

  public static void main(String[] args) throws Exception {
    long launched = Long.parseLong(args[0]);
    Path scenarioFile = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Map<String, Double> ms = new LinkedHashMap<>();
    ms.put("jvm_start_to_main", (double) (System.currentTimeMillis() - launched));

    long t = System.nanoTime();
    CommandLine cl = new CommandLine(new PeergridCommand());
    cl.parseArgs("clear", "--scenario", scenarioFile.toString(), "--out", out.toString());
    t = lap(ms, "command_line", t);

    Loader.loadNativeLibraries();
    t = lap(ms, "ortools_native_load", t);

    Scenario scenario = ScenarioLoader.load(scenarioFile);
    t = lap(ms, "read_scenario", t);

    long[] lpNanos = {0};
    AcCorrection.Outcome<DispatchResult> corrected = AcCorrection.run(scenario, tightening -> {
      long s = System.nanoTime();
      DispatchResult r = LinDistFlowDispatch.solve(scenario, tightening);
      lpNanos[0] += System.nanoTime() - s;
      return r;
    }, DispatchResult::solution);
    double lpAndAc = (System.nanoTime() - t) / 1e6;
    ms.put("lp", lpNanos[0] / 1e6);
    ms.put("ac_check", lpAndAc - lpNanos[0] / 1e6);
    ms.put("lp_solves", (double) corrected.solves());
    t = System.nanoTime();

    BaseCase base = BaseCase.of(scenario);
    t = lap(ms, "base_cases", t);

    MarketMechanism dlmp = Mechanisms.byName(DlmpMechanism.NAME).orElseThrow();
    DispatchResult dispatch = corrected.result();
    AcCheckResult check = corrected.check().orElseThrow();
    CooperativeOutcome outcome = CooperativeOutcome.of(scenario, dispatch.optimal(), base);
    ClearingResult result = new ClearingResult(dlmp.name(), dispatch, Optional.of(dlmp.settle(outcome)),
        Optional.of(check));
    t = lap(ms, "settle", t);

    Map<String, String> files = ClearCommand.files(scenario, result);
    t = lap(ms, "format_files", t);

    List<String> stale = new ArrayList<>(ClearCommand.ALL_FILES);
    stale.removeAll(files.keySet());
    AtomicFiles.write(out, files, stale);
    t = lap(ms, "write_files", t);

    ClearConsole.print(new PrintWriter(new StringWriter()), scenario, result, out, List.copyOf(files.keySet()));
    lap(ms, "console_summary", t);

    ms.put("total_since_launch", (double) (System.currentTimeMillis() - launched));
    ms.forEach((phase, v) -> System.out.println(phase + "=" + v));
  }

  private static long lap(Map<String, Double> ms, String phase, long since) {
    long now = System.nanoTime();
    ms.put(phase, (now - since) / 1e6);
    return now;
  }
}
