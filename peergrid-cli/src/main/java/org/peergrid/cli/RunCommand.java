package org.peergrid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.peergrid.cli.report.Report;
import org.peergrid.cli.report.ReportSection;
import org.peergrid.cli.report.RunResults;
import org.peergrid.cli.report.RunStage;
import org.peergrid.cli.report.ThreePhaseRunReport;
import org.peergrid.cli.report.VcCoopStage;
import org.peergrid.cli.report.VcGameStage;
import org.peergrid.market.realtime.RealtimeProgress;
import org.peergrid.market.realtime.ThreePhaseRealtime;
import org.peergrid.market.threephase.ThreePhaseVcCoop;
import org.peergrid.market.threephase.ThreePhaseVcGame;
import org.peergrid.market.vc.FormationRules;
import org.peergrid.market.vc.GameSettings;
import org.peergrid.market.vc.NashGameSettings;
import org.peergrid.grid.ValidationException;
import org.peergrid.market.accheck.BusVoltage;
import org.peergrid.market.accheck.VoltageProfile;
import org.peergrid.market.dispatch.DispatchStatus;
import org.peergrid.market.dispatch.PricePeak;
import org.peergrid.market.mechanism.ComparisonRow;
import org.peergrid.market.mechanism.CooperativeDay;
import org.peergrid.market.mechanism.DlmpMechanism;
import org.peergrid.market.mechanism.MechanismComparison;
import org.peergrid.market.mechanism.Mechanisms;
import org.peergrid.market.nuc.NucSettings;
import org.peergrid.market.probabilistic.DayUncertainty;
import org.peergrid.market.probabilistic.Method;
import org.peergrid.market.probabilistic.ProbabilisticClearing;
import org.peergrid.market.scenario.Scenario;
import org.peergrid.market.scenario.ScenarioLoader;
import org.peergrid.market.scenario.StageRequests;
import org.peergrid.market.scenario.ThreePhaseScenario;
import org.peergrid.market.threephase.ThreePhaseClearingResult;
import org.peergrid.market.threephase.ThreePhaseMarket;
import org.peergrid.market.threephase.ThreePhaseNucClearing;
import org.peergrid.market.uncertainty.ParallelEvaluator;
import org.peergrid.market.uncertainty.ProgressListener;
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
      "in the scenario's currency.",
      "On a three-phase scenario (network.opendss): the day on LinDist3Flow with the",
      "three-phase AC check, every settlement mechanism side by side, the phase",
      "prices, p2p-nuc, vc-coop and vc-game (as 'clear' plays them there), the",
      "uncertainty stage (prices per phase node) and the real-time stage (every",
      "interval through the three-phase power flow), the feeder map and with EVs",
      "their energies (ev_energy.csv); not the case variants (docs/opendss.md)."
    },
    footer = {"", "Exit codes: 0 done, 1 bad input, 2 bad usage, 3 a solver or an AC power flow",
      "did not converge (the report is still written), 4 the day is infeasible (the",
      "report and summary.json say why)."})
final class RunCommand implements Callable<Integer> {
  static final String SUMMARY = "summary.json";
  /** {@code --uncertainty none}: leave out the uncertainty stage that the run block asks for. */
  static final String NO_UNCERTAINTY = "none";
  /** A three-phase run's real-time files: {@code peergrid realtime}'s, named with this prefix. */
  static final String REALTIME_PREFIX = "realtime_";
  static final String REALTIME_DAY_AHEAD = "the run's day-ahead clearing (dlmp on LinDist3Flow)";

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

  @Option(names = "--no-games",
      description = "Leave out the vc-coop and vc-game stages (they run with 8 or more buildings; on the European LV"
          + " three-phase example vc-coop plays 3 times, 3 to 9 minutes each) (default: false).")
  boolean noGames;

  @Option(names = "--no-stages",
      description = "Only the day-ahead report: skip the stages that the scenario's run block asks for (default: false).")
  boolean noStages;

  @Override
  public Integer call() {
    System.setProperty("java.awt.headless", "true"); // charts render off-screen, also without a display
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(stdout, Progress.stdoutIsTerminal(), System::nanoTime);
    checkStageOptions();
    if (ScenarioLoader.isThreePhase(scenarioFile)) {
      return runThreePhase(stdout, progress);
    }
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
      boolean game = stage instanceof VcCoopStage || stage instanceof VcGameStage;
      if (run.scheduled() && stage.requestedBy(scenario) && !(game && noGames)) {
        sections.addAll(progress.stage(stage.name(), () -> stage.run(run)));
      }
    }
    Map<String, byte[]> files = progress.stage("Charts and report", () -> Report.build(run, sections));
    write(dir, run, sections, files);
    RunConsole.print(stdout, run, dir, files.size() + 1);
    stdout.flush();
    return exitCode(run);
  }

  /**
   * A scenario on an OpenDSS feeder: the day cleared on LinDist3Flow with the AC check and correction,
   * every settlement mechanism side by side, the phase prices, p2p-nuc (with two or more buildings, as
   * on a MATPOWER feeder), vc-coop and vc-game (with buildings for two communities, as on a MATPOWER
   * feeder, unless --no-games), and the uncertainty and real-time stages that the run block (or the
   * options) ask for; the real time starts from the run's DLMP day ahead.
   */
  private Integer runThreePhase(PrintWriter stdout, Progress progress) {
    ThreePhaseScenario read = progress.stage("Reading the scenario", () -> ScenarioLoader.loadThreePhase(scenarioFile));
    ThreePhaseScenario scenario = read.withStages(withStageOptions(read.stages()));
    Path dir = out != null ? out : Path.of("out", scenario.name());
    stdout.printf(Locale.ROOT, "Running %s: %d participants, %d x %d min on %s (three-phase)%n", scenario.name(),
        scenario.participants().size(), scenario.horizon().intervals(), scenario.horizon().intervalMinutes(),
        scenario.network().opendss().getFileName());
    ThreePhaseMarket market = progress.stage("Day-ahead clearing on LinDist3Flow, base cases, AC check",
        () -> ThreePhaseMarket.solve(scenario));
    List<ComparisonRow> rows = market.outcome().isEmpty() ? List.of()
        : progress.stage("Settling with " + Mechanisms.all().size() + " mechanisms",
            () -> MechanismComparison.run(market.outcome().orElseThrow(), Mechanisms.all()));
    Optional<ThreePhaseNucClearing> nuc = market.day().optimal() && scenario.buildings().size() >= 2
        ? Optional.of(progress.stage("P2P trades with network utilization charges",
            () -> ThreePhaseNucClearing.clear(scenario, NucSettings.of(scenarioFile))))
        : Optional.empty();
    Optional<DayUncertainty> uncertain = Optional.empty();
    Optional<StageRequests.Uncertainty> asked = scenario.stages().uncertainty();
    if (market.outcome().isPresent() && asked.isPresent()) {
      Method method = Method.byKey(asked.get().method()).orElseThrow(); // the loader checked the name
      ProbabilisticClearing clearing = new ProbabilisticClearing(new DlmpMechanism(), ParallelEvaluator.allCores());
      uncertain = Optional.of(progress.stage("Uncertainty of PV, wind and load", () -> method == Method.MONTE_CARLO
          ? clearing.monteCarlo(scenario, asked.get().samples(), asked.get().seed(), ProgressListener.NONE)
          : clearing.pointEstimate(scenario, method, ProgressListener.NONE)));
    }
    boolean games = market.day().optimal() && !noGames && VcCoopStage.enoughBuildings(scenario.buildings().size());
    Optional<ThreePhaseVcCoop> coop = games ? Optional.of(progress.stage(new VcCoopStage().name(),
        () -> ThreePhaseVcCoop.clear(scenario, FormationRules.DEFAULT, GameSettings.defaults()))) : Optional.empty();
    Optional<ThreePhaseVcGame> game = games ? Optional.of(progress.stage(new VcGameStage().name(),
        () -> ThreePhaseVcGame.clear(scenario, FormationRules.DEFAULT, NashGameSettings.defaults()))) : Optional.empty();
    Optional<ThreePhaseRealtime.Result> realtime = Optional.empty();
    String actualsText = "";
    if (market.day().optimal() && scenario.stages().realtime().isPresent()) {
      RealtimeActuals.OnPhases actual = RealtimeActuals.OnPhases.of(scenario, scenario.stages().realtime().get());
      actualsText = actual.description();
      ThreePhaseRealtime.Plan plan = ThreePhaseRealtime.plan(market, REALTIME_DAY_AHEAD);
      realtime = Optional.of(progress.stage("Real time: re-dispatch, two settlements, three-phase power flow",
          () -> ThreePhaseRealtime.run(plan, actual.scenario(), RealtimeProgress.NONE)));
    }
    Optional<DayUncertainty> stage = uncertain;
    ThreePhaseRunReport.Stages stages = new ThreePhaseRunReport.Stages(nuc, coop, game, stage, realtime, actualsText);
    Map<String, byte[]> files = new LinkedHashMap<>(progress.stage("Charts and report",
        () -> ThreePhaseRunReport.build(market, rows, stages)));
    if (market.day().optimal()) {
      put(files, CompareCommand.CSV, CompareReport.csv(rows));
      put(files, ThreePhaseClear.PHASE_PRICES, ThreePhaseClear.prices(market));
      put(files, ClearCommand.SCHEDULE, ThreePhaseClear.schedule(market));
      put(files, ThreePhaseClear.PHASE_AC_CHECK, ThreePhaseClear.acCheck(market));
    }
    stage.ifPresent(u -> {
      put(files, UncertaintyCommand.DLMP, UncertaintyCsv.dlmp(List.of(u)));
      put(files, UncertaintyCommand.COSTS, UncertaintyCsv.costs(List.of(u)));
    });
    game.ifPresentOrElse(g -> put(files, ThreePhaseRunReport.COMMUNITIES, ThreePhaseGameOutput.communities(scenario,
        g.equilibrium().grouping())), () -> coop.ifPresent(c -> put(files, ThreePhaseRunReport.COMMUNITIES,
            ThreePhaseGameOutput.communities(scenario, c.grouping()))));
    String actualsUsed = actualsText;
    realtime.ifPresent(r -> ThreePhaseRealtimeOutput.files(scenario, r, actualsUsed).forEach((name, text) -> {
      if (!name.equals(RealtimeCommand.SUMMARY) && !name.equals(RealtimeCommand.VCS)) {
        put(files, name.startsWith(REALTIME_PREFIX) ? name : REALTIME_PREFIX + name, text);
      }
    }));
    try {
      List<String> names = new ArrayList<>(files.keySet());
      names.add(0, SUMMARY);
      files.put(SUMMARY, threePhaseSummary(market, rows, stages, names).getBytes(StandardCharsets.UTF_8));
      List<String> stale = previousFiles(dir);
      stale.removeAll(files.keySet());
      AtomicFiles.writeBytes(dir, files, stale);
    } catch (IOException e) {
      throw new ValidationException(dir.toString(), 0, "cannot write the report there: " + e.getMessage());
    }
    if (market.outcome().isPresent()) {
      CompareReport.print(stdout, scenario.name(), scenario.currency(), scenario.horizon().intervalMinutes(),
          market.outcome().get(), rows);
    }
    coop.ifPresent(c -> ThreePhaseCoopOutput.print(stdout, c, dir, List.of(ThreePhaseRunReport.VC_TRADES,
        ThreePhaseRunReport.COMMUNITIES)));
    game.ifPresent(g -> ThreePhaseGameOutput.print(stdout, g, dir, List.of(ThreePhaseRunReport.VC_GAME_SAVINGS,
        ThreePhaseRunReport.COMMUNITIES)));
    stage.ifPresent(u -> UncertaintyConsole.run(stdout, UncertaintyHeading.of(scenario), u));
    realtime.ifPresent(r -> {
      ThreePhaseRealtimeOutput.header(stdout, scenario, actualsUsed, r.dayAhead().source());
      ThreePhaseRealtimeOutput.summary(stdout, scenario, r, REALTIME_PREFIX + ThreePhaseRealtimeOutput.PHASE_VIOLATIONS);
    });
    stdout.printf("Report          %s (%d files)%n", dir.resolve(ThreePhaseRunReport.HTML), files.size());
    stdout.flush();
    PrintWriter err = spec.commandLine().getErr();
    if (!market.day().optimal()) {
      err.println("peergrid: " + market.day().message());
      return market.day().status() == ThreePhaseClearingResult.Status.INFEASIBLE ? PeergridCommand.EXIT_INFEASIBLE
          : PeergridCommand.EXIT_NOT_CONVERGED;
    }
    if (market.acChecks().stream().anyMatch(r -> !r.result().converged())) {
      err.println("peergrid: the three-phase power flow did not converge in some interval; see "
          + ThreePhaseClear.PHASE_AC_CHECK);
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    if (realtime.isPresent() && !realtime.get().converged()) {
      err.println("peergrid: the three-phase power flow of the real-time day did not converge in some interval; see "
          + REALTIME_PREFIX + ThreePhaseRealtimeOutput.PHASE_AC_CHECK);
      return PeergridCommand.EXIT_NOT_CONVERGED;
    }
    return 0;
  }

  private static void put(Map<String, byte[]> files, String name, String text) {
    files.put(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** summary.json of a three-phase run (docs/formats.md). */
  private static String threePhaseSummary(ThreePhaseMarket market, List<ComparisonRow> rows,
      ThreePhaseRunReport.Stages stages, List<String> files) throws IOException {
    Optional<DayUncertainty> uncertainty = stages.uncertainty();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = (ObjectNode) mapper.readTree(ThreePhaseClear.summary(market, Optional.empty(), "all",
        List.of()));
    root.remove("files");
    root.remove("mechanism");
    root.remove("settlement");
    root.remove("settlement_message");
    for (String key : List.of("base_cost", "total_cost", "savings", "utility_bill", "dso_surplus")) {
      root.remove(key);
    }
    root.put("report", ThreePhaseRunReport.HTML);
    root.set("mechanisms", CompareReport.mechanisms(rows));
    root.putArray("not_run").add("variants");
    stages.nuc().ifPresent(n -> ThreePhaseRunReport.summarize(root, n));
    // The games' and real time's keys as their own commands write them on a three-phase feeder, less
    // those the run's summary already has.
    List<String> repeated = List.of("scenario", "feeder", "mechanism", "intervals", "participants", "currency",
        "interval_minutes", "files");
    if (stages.coop().isPresent()) {
      root.set("vc_coop", without(mapper.readTree(ThreePhaseCoopOutput.summary(stages.coop().get(), List.of())),
          repeated));
    }
    if (stages.game().isPresent()) {
      root.set("vc_game", without(mapper.readTree(ThreePhaseGameOutput.summary(stages.game().get(), List.of())),
          repeated));
    }
    if (stages.realtime().isPresent()) {
      root.set("realtime", without(ThreePhaseRealtimeOutput.summary(market.clearing().scenario(), RealtimeCommand.DLMP,
          stages.realtime().get(), stages.actuals()), repeated));
    }
    if (uncertainty.isPresent()) {
      ObjectNode u = root.putObject("uncertainty");
      UncertaintyJson.figures(u, uncertainty.get());
    } else {
      root.putNull("uncertainty");
    }
    ArrayNode list = root.putArray("files");
    files.forEach(list::add);
    return mapper.writeValueAsString(root) + "\n";
  }

  private static JsonNode without(JsonNode node, List<String> keys) {
    ((ObjectNode) node).remove(keys);
    return node;
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
    return scenario.withStages(withStageOptions(scenario.stages()));
  }

  /** The run block's stages with the command line's in place; none with --no-stages. */
  private StageRequests withStageOptions(StageRequests stages) {
    if (noStages) {
      return StageRequests.NONE;
    }
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
    return stages;
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
