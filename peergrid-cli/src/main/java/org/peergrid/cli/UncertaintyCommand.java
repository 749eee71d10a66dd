package org.peergrid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MarketMechanism;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.Method;
import org.peergrid.market.probabilistic.ProbabilisticClearing;
import org.peergrid.market.probabilistic.ScenarioInputs;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.scenario.WeatherCorrelation;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid uncertainty}: the cleared day's statistics under uncertain PV, wind and load. */
@Command(
    name = "uncertainty",
    mixinStandardHelpOptions = true,
    description = {
      "Statistics of a scenario's cleared day under uncertain PV, wind and load.",
      "Mean and standard deviation, with the forecasts random as the scenario's",
      "uncertainty block says (docs/uncertainty.md), of: total cost, each participant's",
      "cost, each bus's DLMP per interval and the lowest AC voltage of the day.",
      "Hong's point estimate method (pem2m: 2m clearings, pem2m+1: 2m+1) or a seeded",
      "Monte Carlo (mc); compare runs both PEM schemes and mc and writes their errors.",
      "Writes uncertainty.json, dlmp_stats.csv, participant_costs.csv (and",
      "comparison.csv) into DIR (docs/formats.md). Progress goes to standard error.",
      "On a three-phase scenario (network.opendss) every evaluation clears the day on",
      "LinDist3Flow with the AC check and correction; prices are every phase node's",
      "DLMP (bus.phase), Vmin the lowest phase voltage (docs/uncertainty.md)."
    },
    footer = {"", "Exit codes: 0 done, 1 bad input, 2 bad usage, 4 an estimate has no statistics",
      "because evaluations were infeasible (the files are still written; PEM cannot",
      "drop a point, Monte Carlo needs 2 feasible samples)."})
final class UncertaintyCommand implements Callable<Integer> {
  static final String SUMMARY = "uncertainty.json";
  static final String DLMP = "dlmp_stats.csv";
  static final String COSTS = "participant_costs.csv";
  static final String COMPARISON = "comparison.csv";
  static final List<String> ALL_FILES = List.of(SUMMARY, DLMP, COSTS, COMPARISON);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "Scenario file, YAML or JSON (docs/scenario.md), with an optional uncertainty block (required).")
  Path scenarioFile;

  @Option(names = "--method", required = true, paramLabel = "METHOD",
      description = "pem2m, pem2m+1, mc, or compare (all three; errors of PEM against mc) (required).")
  String method;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "Monte Carlo samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Monte Carlo seed; the same seed gives the same result on any number of threads (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mechanism", paramLabel = "NAME", defaultValue = DlmpMechanism.NAME,
      converter = ClearCommand.MechanismConverter.class, completionCandidates = ClearCommand.MechanismNames.class,
      description = "How each day clears, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  MarketMechanism mechanism;

  @Option(names = "--correlation", paramLabel = "C",
      description = "Weather: common (one irradiance and one wind speed per interval for the feeder) or independent"
          + " (every building's own); overrides the scenario's uncertainty.correlation (default: the scenario's, common).")
  String correlation;

  @Option(names = "--threads", paramLabel = "N",
      description = "Clearings in parallel (default: all processors).")
  Integer threads;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for the result files, created if needed; files of the same names are replaced (required).")
  Path out;

  @Override
  public Integer call() throws JsonProcessingException {
    boolean compare = method.equalsIgnoreCase("compare");
    Method single = compare ? null : Method.byKey(method).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "unknown --method '" + method + "'; use pem2m, pem2m+1, mc or compare"));
    if (samples < 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--samples must be at least 2, got " + samples);
    }
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
    ParallelEvaluator evaluator = threads == null ? ParallelEvaluator.allCores() : new ParallelEvaluator(threads);
    ProbabilisticClearing clearing = new ProbabilisticClearing(mechanism, evaluator);
    UncertaintyHeading scenario;
    ScenarioInputs inputs;
    Estimate estimate;
    if (ScenarioLoader.isThreePhase(scenarioFile)) {
      // the day clears on LinDist3Flow and settles with the mechanism (--mechanism takes only those of
      // Mechanisms, which all settle a three-phase day); its prices are every phase node's
      ThreePhaseScenario s = ScenarioLoader.loadThreePhase(scenarioFile);
      ThreePhaseScenario day = correlation == null ? s
          : s.withUncertainty(s.uncertainty().withCorrelation(correlation(spec, correlation)));
      scenario = UncertaintyHeading.of(day);
      inputs = ScenarioInputs.of(day);
      estimate = (m, progress) -> m == Method.MONTE_CARLO ? clearing.monteCarlo(day, samples, seed, progress)
          : clearing.pointEstimate(day, m, progress);
    } else {
      Scenario day = withCorrelation(spec, correlation, ScenarioLoader.load(scenarioFile));
      scenario = UncertaintyHeading.of(day);
      inputs = ScenarioInputs.of(day);
      estimate = (m, progress) -> m == Method.MONTE_CARLO ? clearing.monteCarlo(day, samples, seed, progress)
          : clearing.pointEstimate(day, m, progress);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    UncertaintyConsole.header(stdout, scenario, mechanism.name(), inputs, evaluator.threads());
    stdout.flush();
    List<Method> methods = compare ? List.of(Method.PEM_2M, Method.PEM_2M_PLUS_ONE, Method.MONTE_CARLO) : List.of(single);
    List<DayUncertainty> runs = new ArrayList<>();
    for (Method m : methods) {
      DayUncertainty run = estimate.run(m, new ConsoleProgress(err, m.key()));
      UncertaintyConsole.run(stdout, scenario, run);
      stdout.flush();
      runs.add(run);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put(SUMMARY, ""); // a placeholder that keeps the summary first; it lists the files, so it comes last
    files.put(DLMP, UncertaintyCsv.dlmp(runs));
    files.put(COSTS, UncertaintyCsv.costs(runs));
    DayUncertainty last = runs.get(runs.size() - 1);
    if (compare) {
      List<DayUncertainty> estimates = runs.subList(0, runs.size() - 1);
      files.put(COMPARISON, UncertaintyCsv.comparison(estimates, last));
      files.put(SUMMARY, UncertaintyJson.comparison(scenario, mechanism.name(), estimates, last, evaluator.threads(),
          List.copyOf(files.keySet())));
      UncertaintyConsole.errors(stdout, estimates, last);
    } else {
      files.put(SUMMARY, UncertaintyJson.single(scenario, mechanism.name(), last, evaluator.threads(),
          List.copyOf(files.keySet())));
    }
    write(files);
    UncertaintyConsole.files(stdout, out, List.copyOf(files.keySet()));
    stdout.flush();
    return exitCode(runs, err);
  }

  private void write(Map<String, String> files) {
    List<String> stale = new ArrayList<>(ALL_FILES);
    stale.removeAll(files.keySet());
    try {
      AtomicFiles.write(out, files, stale);
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
  }

  /** One estimate of the day's statistics with a method. */
  private interface Estimate {
    DayUncertainty run(Method method, ConsoleProgress progress);
  }

  /** The scenario with the command line's {@code --correlation}, if given. */
  static Scenario withCorrelation(CommandLine.Model.CommandSpec spec, String key, Scenario scenario) {
    if (key == null) {
      return scenario;
    }
    return scenario.withUncertainty(scenario.uncertainty().withCorrelation(correlation(spec, key)));
  }

  private static WeatherCorrelation correlation(CommandLine.Model.CommandSpec spec, String key) {
    return WeatherCorrelation.byKey(key).orElseThrow(() -> new CommandLine.ParameterException(
        spec.commandLine(), "unknown --correlation '" + key + "'; use common or independent"));
  }

  private static int exitCode(List<DayUncertainty> runs, PrintWriter err) {
    int code = 0;
    for (DayUncertainty r : runs) {
      int failed = r.result().failedEvaluations();
      if (failed == 0) {
        continue;
      }
      String why = r.firstFailure().orElse("");
      if (r.result().hasStatistics()) {
        err.printf("peergrid: %s: %d of %d samples were infeasible and are left out (statistics are conditional on a "
            + "feasible day), e.g.: %s%n", r.method().key(), failed, r.result().evaluations(), why);
      } else {
        err.printf("peergrid: %s: %d of %d evaluations were infeasible, so there are no statistics: %s%n",
            r.method().key(), failed, r.result().evaluations(), why);
        code = PeergridCommand.EXIT_INFEASIBLE;
      }
    }
    return code;
  }
}
