package org.peergrid.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.MechanismComparison;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code peergrid compare}: every mechanism on the same cooperative schedule, side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Settles one cooperative schedule with every mechanism and compares them.",
      "The schedule, DLMPs, base cases and AC check are computed once; each",
      "mechanism is timed on its own. Writes compare.csv, compare.json,",
      "prices.csv and schedule.csv into DIR, and each mechanism's settlement.csv",
      "and settlement_intervals.csv into DIR/<mechanism>/ (docs/formats.md,",
      "docs/mechanisms.md). A three-phase scenario (network.opendss) writes",
      "phase_prices.csv instead of prices.csv (docs/opendss.md). Money in the",
      "scenario's currency."
    },
    footer = {"", "Exit codes: 0 compared (a mechanism that cannot settle is a row with its",
      "reason), 1 bad input, 2 bad usage, 3 a solver or an AC power flow did not",
      "converge, 4 the day is infeasible (compare.json and standard error say why)."})
final class CompareCommand implements Callable<Integer> {
  static final String CSV = "compare.csv";
  static final String JSON = "compare.json";

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "Scenario file, YAML or JSON (docs/scenario.md); paths in it are relative to it (required).")
  Path scenarioFile;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder for the result files, created if needed; files of the same names are replaced"
          + " (required).")
  Path out;

  @Override
  public Integer call() {
    if (ScenarioLoader.isThreePhase(scenarioFile)) {
      return compareThreePhase();
    }
    Scenario scenario = ScenarioLoader.load(scenarioFile);
    CooperativeDay day = CooperativeDay.solve(scenario);
    List<ComparisonRow> rows = day.outcome().map(o -> MechanismComparison.run(o, Mechanisms.all())).orElse(List.of());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(JSON, "");
    if (day.outcome().isPresent()) {
      files.put(CSV, CompareReport.csv(rows));
      files.put(ClearCommand.PRICES, ReportCsv.prices(scenario, day.dispatch().optimal()));
      files.put(ClearCommand.SCHEDULE, ReportCsv.schedule(scenario, day.dispatch().optimal()));
    }
    write(rows, files, names -> CompareReport.json(day, rows, names));
    PrintWriter err = spec.commandLine().getErr();
    if (day.outcome().isEmpty()) {
      err.println("peergrid: " + day.dispatch().message());
      return day.dispatch().status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    CompareReport.print(stdout, day, rows);
    stdout.printf("Files           %s: %s and one folder per mechanism%n", out, String.join(", ", files.keySet()));
    stdout.flush();
    if (!day.acCheck().orElseThrow().converged()) {
      err.println("peergrid: the AC power flow did not converge in interval(s) "
          + day.acCheck().orElseThrow().nonConvergedIntervals());
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /**
   * A three-phase scenario (docs/opendss.md): the day cleared per phase once, every mechanism on it;
   * phase_prices.csv in place of prices.csv.
   */
  private Integer compareThreePhase() {
    ThreePhaseScenario scenario = ScenarioLoader.loadThreePhase(scenarioFile);
    long start = System.nanoTime();
    ThreePhaseMarket market = ThreePhaseMarket.solve(scenario);
    long solveMillis = (System.nanoTime() - start) / 1_000_000;
    List<ComparisonRow> rows = market.outcome().map(o -> MechanismComparison.run(o, Mechanisms.all()))
        .orElse(List.of());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(JSON, "");
    if (market.outcome().isPresent()) {
      files.put(CSV, CompareReport.csv(rows));
      files.put(ThreePhaseClear.PHASE_PRICES, ThreePhaseClear.prices(market));
      files.put(ClearCommand.SCHEDULE, ThreePhaseClear.schedule(market));
    }
    write(rows, files, names -> CompareReport.json(scenario.name(), scenario.currency(),
        market.day().status().name(), market.day().optimal() ? null : market.day().message(), market.outcome(),
        solveMillis, rows, names));
    PrintWriter err = spec.commandLine().getErr();
    if (market.outcome().isEmpty()) {
      err.println("peergrid: " + market.day().message());
      return market.day().status() == ThreePhaseClearingResult.Status.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    CompareReport.print(stdout, scenario.name(), scenario.currency(), scenario.horizon().intervalMinutes(),
        market.outcome().get(), rows);
    stdout.printf("Files           %s: %s and one folder per mechanism%n", out, String.join(", ", files.keySet()));
    stdout.flush();
    if (market.acChecks().stream().anyMatch(r -> !r.result().converged())) {
      err.println("peergrid: the three-phase power flow did not converge in some interval");
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  /** compare.json from the names of the files written beside it. */
  @FunctionalInterface
  private interface CompareJson {
    String of(List<String> files) throws com.fasterxml.jackson.core.JsonProcessingException;
  }

  /**
   * Each mechanism's folder, then compare.json (listing {@code files}) and {@code files} together into
   * DIR, removing the other top-level files a compare writes on either kind of feeder.
   */
  private void write(List<ComparisonRow> rows, Map<String, String> files, CompareJson json) {
    try {
      writeMechanismFolders(rows);
      files.put(JSON, json.of(List.copyOf(files.keySet())));
      List<String> stale = new ArrayList<>(List.of(CSV, ClearCommand.PRICES, ClearCommand.SCHEDULE,
          ThreePhaseClear.PHASE_PRICES));
      stale.removeAll(files.keySet());
      AtomicFiles.write(out, files, stale);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new ValidationException(out.toString(), 0, "cannot write the results there: " + e.getMessage());
    }
  }

  /** Each mechanism's settlement files in DIR/<mechanism>/. */
  private void writeMechanismFolders(List<ComparisonRow> rows) throws IOException {
    for (ComparisonRow r : rows) {
      Map<String, String> own = new LinkedHashMap<>();
      r.outcome().settlement().ifPresent(s -> {
        own.put(ClearCommand.SETTLEMENT, ReportCsv.settlement(s));
        own.put(ClearCommand.SETTLEMENT_INTERVALS, ReportCsv.settlementIntervals(s));
      });
      List<String> gone = new ArrayList<>(List.of(ClearCommand.SETTLEMENT,
          ClearCommand.SETTLEMENT_INTERVALS));
      gone.removeAll(own.keySet());
      AtomicFiles.write(out.resolve(r.mechanism()), own, gone);
    }
  }
}
