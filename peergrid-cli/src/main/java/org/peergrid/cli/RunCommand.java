package org.peergrid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peergrid.cli.report.Report;
import org.peergrid.cli.report.ReportSection;
import org.peergrid.cli.report.RunResults;
import org.peergrid.cli.report.RunStage;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.accheck.BusVoltage;
import org.peergrid.market.accheck.VoltageProfile;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.PricePeak;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.MechanismComparison;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.nuc.NucSettings;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.StageRequests;
import org.peergrid.market.variants.CaseVariants;
import org.peergrid.market.variants.VariantResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code peergrid run}: the whole day of a scenario, into one report. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scenario's day end to end and writes a report.",
      "The day-ahead clearing (LinDistFlow LP, DLMPs, base cases), every mechanism",
      "on the one schedule, the case variants (a) base case, (b) sharing without",
      "the community battery, (c) with it, (d) with the DGs, and the AC check;",
      "then the stages that the scenario's run block asks for: the uncertainty of",
      "the forecasts and the real-time day (docs/formats.md; options below override).",
      "Writes DIR/report.html (self-contained: open it in a browser), every",
      "chart's data as CSV and PNG beside it, and summary.json for scripts",
      "(docs/formats.md). Powers in kW, energies in kWh, voltages in p.u., money",
      "in the scenario's currency."
    },
    footer = {"", "Exit codes: 0 done, 1 bad input, 2 bad usage, 3 a solver or an AC power flow",
      "did not converge (the report is still written), 4 the day is infeasible (the",
      "report and summary.json say why)."})
final class RunCommand implements Callable<Integer> {
  static final String SUMMARY = "summary.json";
  /** {@code --uncertainty none}: leave out the uncertainty stage that the run block asks for. */
  static final String NO_UNCERTAINTY = "none";

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO",
      description = "Scenario file, YAML or JSON (docs/scenario.md); paths in it are relative to it (required).")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder for the report, created if needed; files of the same names are replaced"
          + " (default: out/<scenario name>).")
  Path out;

  @Option(names = "--uncertainty", paramLabel = "METHOD",
      description = "Run the uncertainty stage with pem2m, pem2m+1 or mc (samples and seed from the run block, or"
          + " 10000 and 1), or not at all with none, whatever the run block says (default: as the scenario's run"
          + " block asks; none without one).")
  String uncertainty;

  @Option(names = "--realtime-seed", paramLabel = "S",
      description = "Run the real-time stage on a day sampled around the forecasts with this seed (default: as the"
          + " scenario's run block asks; none without one).")
  Long realtimeSeed;

  @Option(names = "--no-stages",
      description = "Only the day-ahead report: skip the stages that the scenario's run block asks for (default: false).")
  boolean noStages;

  @Override
  public Integer call() {
    System.setProperty("java.awt.headless", "true"); // charts render off-screen, also without a display
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(stdout, Progress.stdoutIsTerminal(), System::nanoTime);
    checkStageOptions();
    Scenario scenario = withStageOptions(progress.stage("Reading the scenario", () -> ScenarioLoader.load(scenarioFile)));
    Path dir = out != null ? out : Path.of("out", scenario.name());
    stdout.printf(Locale.ROOT, "Running %s: %d participants, %d x %d min on %s%n", scenario.name(),
        scenario.participants().size(), scenario.horizon().intervals(), scenario.horizon().intervalMinutes(),
        scenario.network().radial().feeder().name());
    CooperativeDay day = progress.stage("Day-ahead clearing, base cases, AC check",
        () -> CooperativeDay.solve(scenario));
    RunResults run = day.outcome().isEmpty() ? new RunResults(day, List.of(), List.of(), -1, -1, new double[0])
        : analyse(day, progress);
    List<ReportSection> sections = new ArrayList<>(Report.DAY_AHEAD);
    for (RunStage stage : Report.stages(NucSettings.of(scenarioFile))) {
      if (run.scheduled() && stage.requestedBy(scenario)) {
        sections.addAll(progress.stage(stage.name(), () -> stage.run(run)));
      }
    }
    Map<String, byte[]> files = progress.stage("Charts and report", () -> Report.build(run, sections));
    write(dir, run, sections, files);
    RunConsole.print(stdout, run, dir, files.size() + 1);
    stdout.flush();
    return exitCode(run);
  }

  private RunResults analyse(CooperativeDay day, Progress progress) {
    List<ComparisonRow> rows = progress.stage("Settling with " + Mechanisms.all().size() + " mechanisms",
        () -> MechanismComparison.run(day.outcome().orElseThrow(), Mechanisms.all()));
    List<VariantResult> variants = progress.stage("Case variants (a)-(d)",
        () -> CaseVariants.run(day, v -> { }));
    var solution = day.dispatch().optimal();
    int peak = PricePeak.interval(solution.prices());
    int profile = day.acCheck().orElseThrow().vmin().map(BusVoltage::interval).orElse(peak);
    return new RunResults(day, rows, variants, peak, profile, VoltageProfile.of(day.scenario(), solution, profile));
  }

  private void checkStageOptions() {
    if (noStages && (uncertainty != null || realtimeSeed != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--no-stages skips the stages; it cannot go with --uncertainty or --realtime-seed");
    }
    if (uncertainty != null && !NO_UNCERTAINTY.equals(uncertainty)
        && !StageRequests.Uncertainty.METHODS.contains(uncertainty)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown --uncertainty '" + uncertainty + "'; use pem2m, pem2m+1, mc or none");
    }
  }

  /** The scenario with the stages that the command line asks for in place of its run block's. */
  private Scenario withStageOptions(Scenario scenario) {
    if (noStages) {
      return scenario.withStages(StageRequests.NONE);
    }
    StageRequests stages = scenario.stages();
    if (NO_UNCERTAINTY.equals(uncertainty)) {
      stages = stages.withoutUncertainty();
    } else if (uncertainty != null) {
      StageRequests.Uncertainty block = stages.uncertainty().orElse(new StageRequests.Uncertainty(uncertainty,
          StageRequests.Uncertainty.DEFAULT_SAMPLES, StageRequests.Uncertainty.DEFAULT_SEED));
      stages = stages.withUncertainty(new StageRequests.Uncertainty(uncertainty, block.samples(), block.seed()));
    }
    if (realtimeSeed != null) {
      stages = stages.withRealtime(StageRequests.Realtime.sampled(realtimeSeed));
    }
    return scenario.withStages(stages);
  }

  /** All files at once; names that an earlier run wrote and this one does not are removed. */
  private void write(Path dir, RunResults run, List<ReportSection> sections, Map<String, byte[]> files) {
    try {
      List<String> names = new ArrayList<>(files.keySet());
      names.add(0, SUMMARY);
      files.put(SUMMARY, RunSummaryJson.of(run, sections, names).getBytes(StandardCharsets.UTF_8));
      List<String> stale = previousFiles(dir);
      stale.removeAll(files.keySet());
      AtomicFiles.writeBytes(dir, files, stale);
    } catch (IOException e) {
      throw new ValidationException(dir.toString(), 0, "cannot write the report there: " + e.getMessage());
    }
  }

  /** The files that the previous run into this folder listed in its summary.json. */
  private static List<String> previousFiles(Path dir) {
    List<String> names = new ArrayList<>();
    try {
      JsonNode old = new ObjectMapper().readTree(dir.resolve(SUMMARY).toFile());
      if (old.has("report") && old.path("files").isArray()) {
        old.get("files").forEach(f -> {
          String name = f.asText();
          if (!name.contains("/") && !name.contains("\\") && !name.startsWith(".")) {
            names.add(name);
          }
        });
      }
    } catch (IOException e) {
      // no earlier run here, or not one of ours: nothing to remove
    }
    return names;
  }

  private int exitCode(RunResults run) {
    PrintWriter err = spec.commandLine().getErr();
    if (!run.scheduled()) {
      err.println("peergrid: " + run.day().dispatch().message());
      return run.day().dispatch().status() == DispatchStatus.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    var ac = run.day().acCheck().orElseThrow();
    if (!ac.converged()) {
      err.println("peergrid: the AC power flow did not converge in interval(s) " + ac.nonConvergedIntervals());
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }
}
